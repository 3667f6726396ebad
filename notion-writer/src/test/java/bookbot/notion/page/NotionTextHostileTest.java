package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.integration.notion.PropertyNames;
import notion.api.v1.model.pages.PageProperty;

/**
 * The door text goes out through into Notion: long reasons and titles (a page's own title can be any length)
 * are split into parts within Notion's 2,000-character limit, never cut, never split inside an emoji, and
 * Notion's own markup characters travel as plain text.
 */
class NotionTextHostileTest {

    private static final Announcement.Claimed CLAIM = new Announcement.Claimed(Instant.parse("2026-11-22T10:15:31Z"));
    private final BookPageContent content = new BookPageContent(PropertyNames.DEFAULTS, "db");

    /** Where on the page the text goes. */
    enum Field {
        REASON("reason"), TITLE("page title");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> hostileTexts() {
        List<Named<String>> texts = List.of(
                named("10,000 characters", "x".repeat(10_000)),
                named("4,001 Hangul syllables", "책".repeat(4_001)),
                named("3,000 emoji (6,000 UTF-16 units)", "😀".repeat(3_000)),
                named("an emoji across the 2,000-character limit", "x".repeat(1_999) + "😀" + "y".repeat(10)),
                named("exactly 2,000 characters", "x".repeat(2_000)),
                named("2,001 characters", "x".repeat(2_001)),
                named("Notion's JSON, a mention, markdown and a javascript: link",
                        "{\"type\":\"mention\",\"mention\":{\"type\":\"user\"}} @everyone **bold** [link](javascript:alert(1))"),
                named("300 lines of line breaks and tabs", "line\nbreaks\tand tabs\n".repeat(300)));
        return texts.stream().flatMap(text -> Stream.of(Field.values()).map(field -> arguments(text, field)));
    }

    @ParameterizedTest(name = "{0} as the {1}")
    @MethodSource("hostileTexts")
    void arrivesWholeInPartsNotionAccepts(String text, Field field) {
        BookJob job = field == Field.REASON ? job(text, "Title") : job("Worth it.", text);
        var properties = content.pageFor(job, CLAIM).getProperties();
        List<String> parts = (field == Field.REASON
                ? properties.get(PropertyNames.DEFAULTS.reason()).getRichText()
                : properties.get(PropertyNames.DEFAULTS.title()).getTitle())
                .stream().map(PageProperty.RichText::getText).map(PageProperty.RichText.Text::getContent).toList();

        assertThat(parts).allSatisfy(part -> {
            assertThat(part).isNotEmpty();
            assertThat(part.length()).as("a part's length").isLessThanOrEqualTo(BookPageContent.RICH_TEXT_LIMIT);
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("a part ends inside an emoji")
                    .isFalse();
        });
        assertThat(parts.stream().collect(Collectors.joining())).as("the parts put together").isEqualTo(text);
    }

    private static BookJob job(String reason, String pageTitle) {
        Recommendation recommendation = new Recommendation("T", "C0BOOKS", "U0MEMBER",
                "https://ridibooks.com/books/1", new Category("소설", "SF"), reason, null);
        return BookJob.submitted("job-1", recommendation, "en", Instant.now())
                .enriched(new BookMetadata(pageTitle, null, null, null), "Kim Reader");
    }
}

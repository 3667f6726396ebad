package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

    private static final Announcement.Claimed CLAIM = new Announcement.Claimed(java.time.Instant.parse("2026-11-22T10:15:31Z"));
    private final BookPageContent content = new BookPageContent(PropertyNames.DEFAULTS, "db");

    @Test
    void everyTextArrivesWholeInPartsNotionAccepts() {
        List<String> hostile = List.of(
                "x".repeat(10_000),
                "책".repeat(4_001),
                "😀".repeat(3_000),
                "x".repeat(1_999) + "😀" + "y".repeat(10),
                "x".repeat(2_000),
                "x".repeat(2_001),
                "{\"type\":\"mention\",\"mention\":{\"type\":\"user\"}} @everyone **bold** [link](javascript:alert(1))",
                "line\nbreaks\tand tabs\n".repeat(300));
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (String text : hostile) {
            for (boolean asReason : new boolean[] {true, false}) {
                tried++;
                BookJob job = asReason ? job(text, "Title") : job("Worth it.", text);
                Map<String, PageProperty> properties = content.pageFor(job, CLAIM).getProperties();
                List<PageProperty.RichText> parts = asReason
                        ? properties.get(PropertyNames.DEFAULTS.reason()).getRichText()
                        : properties.get(PropertyNames.DEFAULTS.title()).getTitle();
                StringBuilder whole = new StringBuilder();
                for (PageProperty.RichText part : parts) {
                    String piece = part.getText().getContent();
                    if (piece.length() > BookPageContent.RICH_TEXT_LIMIT || piece.isEmpty()
                            || Character.isHighSurrogate(piece.charAt(piece.length() - 1))) {
                        failures.add((asReason ? "reason " : "title ") + text.length() + " chars: a part of "
                                + piece.length());
                    }
                    whole.append(piece);
                }
                if (!whole.toString().equals(text)) {
                    failures.add((asReason ? "reason " : "title ") + text.length() + " chars arrived as "
                            + whole.length());
                }
            }
        }
        System.out.printf("hostile inputs tried at the Notion text door: %d%n", tried);

        assertThat(failures).isEmpty();
    }

    private static BookJob job(String reason, String pageTitle) {
        Recommendation recommendation = new Recommendation("T", "C0BOOKS", "U0MEMBER",
                "https://ridibooks.com/books/1", new Category("소설", "SF"), reason, null);
        return BookJob.submitted("job-1", recommendation, "en", Instant.now())
                .enriched(new BookMetadata(pageTitle, null, null, null), "Kim Reader");
    }
}

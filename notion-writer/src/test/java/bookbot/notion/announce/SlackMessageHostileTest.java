package bookbot.notion.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.slack.api.methods.MethodsClient;

import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;

/**
 * The door member text goes out through into the channel: whatever a member puts in the reason or the title,
 * whatever a linked page calls itself, whatever display name a member chose, the message mentions nobody and
 * links nowhere it should not: Slack's control characters {@code & < >} arrive escaped.
 */
class SlackMessageHostileTest {

    private static final BookPage PAGE = new BookPage("p1", "https://www.notion.so/p1", Instant.now(),
            new Announcement.Unannounced());
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!amp;|lt;|gt;)");

    private final ChannelAnnouncer announcer = new ChannelAnnouncer(mock(MethodsClient.class),
            ChannelAnnouncerTest.messages(), java.util.Locale.ENGLISH);

    /** Where member text can reach the message. */
    enum Place {
        REASON("reason", text -> job(text, null, "Kim Reader", null)),
        TITLE("title", text -> job("Worth it.", text, "Kim Reader", null)),
        /** The display name comes from Slack's users.info, and members choose their own. */
        RECOMMENDER_NAME("recommender's name and the page's title", text -> job("Worth it.", null, text, "Page title " + text));

        private final String label;
        private final Function<String, BookJob> job;

        Place(String label, Function<String, BookJob> job) {
            this.label = label;
            this.job = job;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> hostileTexts() {
        Stream<Named<String>> texts = Stream.concat(Stream.of("<!channel>", "<!here>", "<!everyone>",
                "<!subteam^S0ADMINS>", "<@U0ADMIN>", "<#C0GENERAL>", "<https://evil.example|ridibooks.com>",
                "<mailto:a@evil.example|support>", "&lt;!channel&gt;", "a > b < c & d", "<<!channel>>",
                ">>> quoted <!here>", "<!date^1392734382^{date}|x>").map(text -> named(text, text)),
                // Unicode escapes in the source, which the compiler turns into <!channel> again.
                Stream.of(named("\\u003c!channel\\u003e", "\u003c!channel\u003e")));
        return texts.flatMap(text -> Stream.of(Place.values()).map(place -> arguments(text, place)));
    }

    @ParameterizedTest(name = "{0} in the {1}")
    @MethodSource("hostileTexts")
    void mentionsNobodyAndLinksNowhere(String text, Place place) {
        String message = announcer.text(place.job.apply(text), PAGE);

        assertThat(message).doesNotContain("<").doesNotContain(">").doesNotContainPattern(BARE_AMPERSAND);
    }

    private static BookJob job(String reason, String title, String recommender, String pageTitle) {
        Recommendation recommendation = new Recommendation("T", "C0BOOKS", "U0MEMBER",
                "https://ridibooks.com/books/1?a=1&b=2", new Category("소설", "SF"), reason, title);
        return BookJob.submitted("job-1", recommendation, "en", Instant.now())
                .enriched(new BookMetadata(pageTitle, null, null, null), recommender);
    }
}

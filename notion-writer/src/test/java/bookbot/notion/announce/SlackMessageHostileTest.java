package bookbot.notion.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

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
            ChannelAnnouncerTest.messages());

    @Test
    void noMemberTextBecomesAMentionOrALink() {
        List<String> hostile = List.of("<!channel>", "<!here>", "<!everyone>", "<!subteam^S0ADMINS>", "<@U0ADMIN>",
                "<#C0GENERAL>", "<https://evil.example|ridibooks.com>", "<mailto:a@evil.example|support>",
                "&lt;!channel&gt;", "a > b < c & d", "<<!channel>>", ">>> quoted <!here>", "\u003c!channel\u003e",
                "<!date^1392734382^{date}|x>");
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (String text : hostile) {
            for (BookJob job : List.of(inReason(text), inTitle(text), inRecommenderName(text))) {
                tried++;
                String message = announcer.text(job, PAGE);
                if (message.contains("<") || message.contains(">") || BARE_AMPERSAND.matcher(message).find()) {
                    failures.add(text + " → " + message);
                }
            }
        }
        System.out.printf("hostile inputs tried at the Slack message door: %d%n", tried);

        assertThat(failures).isEmpty();
    }

    private static BookJob inReason(String text) {
        return job(text, null, "Kim Reader", null);
    }

    private static BookJob inTitle(String text) {
        return job("Worth it.", text, "Kim Reader", null);
    }

    /** The display name comes from Slack's users.info, and members choose their own. */
    private static BookJob inRecommenderName(String text) {
        return job("Worth it.", null, text, "Page title " + text);
    }

    private static BookJob job(String reason, String title, String recommender, String pageTitle) {
        Recommendation recommendation = new Recommendation("T", "C0BOOKS", "U0MEMBER",
                "https://ridibooks.com/books/1?a=1&b=2", new Category("소설", "SF"), reason, title);
        return BookJob.submitted("job-1", recommendation, "en", Instant.now())
                .enriched(new BookMetadata(pageTitle, null, null, null), recommender);
    }
}

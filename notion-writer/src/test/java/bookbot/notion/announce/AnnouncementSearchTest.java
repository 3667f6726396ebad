package bookbot.notion.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import bookbot.core.job.BookJob;
import bookbot.core.testing.Jobs;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** How the writer finds out whether an earlier attempt already announced a page. */
class AnnouncementSearchTest {

    private static final BookPage PAGE = new BookPage("p1", "https://www.notion.so/p1",
            Instant.parse("2026-11-22T10:00:00Z"), new Announcement.Claimed(Instant.parse("2026-11-22T10:00:00Z")));

    private final MockWebServer slackApi = new MockWebServer();
    private final ChannelAnnouncer announcer = new ChannelAnnouncer(slack().methods("xoxb-test"),
            new StaticMessageSource(), java.util.Locale.ENGLISH);

    @AfterEach
    void stop() throws IOException {
        slackApi.shutdown();
    }

    @Test
    void findsTheMessageThatLinksThePageAmongTheChannelsHistory() throws Exception {
        slackApi.enqueue(json("{\"ok\":true,\"messages\":[{\"ts\":\"1.1\",\"text\":\"other https://www.notion.so/p2\"},"
                + "{\"ts\":\"1.2\",\"text\":\"mine <https://www.notion.so/p1>\"}],\"has_more\":false}"));

        BookJob job = Jobs.submitted();
        assertThat(announcer.findAnnouncement(job, PAGE)).contains(new Announcement.Posted("C0BOOKS", "1.2"));

        RecordedRequest request = slackApi.takeRequest(1, TimeUnit.SECONDS);
        String form = URLDecoder.decode(request.getBody().readUtf8(), StandardCharsets.UTF_8);
        assertThat(form).contains("channel=C0BOOKS").contains("oldest=" + (job.submittedAt().getEpochSecond() - 120))
                .contains("limit=999").containsPattern("include_all_metadata=(true|1)");
    }

    @Test
    void findsAShareByTheJobIdInItsMessagesMetadataNotByAnotherShareThatLinksTheSamePage() {
        BookJob job = Jobs.submitted();
        slackApi.enqueue(json("{\"ok\":true,\"messages\":["
                + "{\"ts\":\"1.3\",\"text\":\"other share <https://www.notion.so/p1>\",\"metadata\":{\"event_type\":"
                + "\"bookbot_share\",\"event_payload\":{\"job_id\":\"someone-else\"}}},"
                + "{\"ts\":\"1.2\",\"text\":\"mine <https://www.notion.so/p1>\",\"metadata\":{\"event_type\":"
                + "\"bookbot_share\",\"event_payload\":{\"job_id\":\"" + job.jobId() + "\"}}}],\"has_more\":false}"));

        assertThat(announcer.findAnnouncement(job, PAGE)).contains(new Announcement.Posted("C0BOOKS", "1.2"));
    }

    @Test
    void followsTheCursorThroughOlderPages() {
        slackApi.enqueue(json("{\"ok\":true,\"messages\":[{\"ts\":\"1.3\",\"text\":\"x\"}],\"has_more\":true,"
                + "\"response_metadata\":{\"next_cursor\":\"c2\"}}"));
        slackApi.enqueue(json("{\"ok\":true,\"messages\":[{\"ts\":\"1.1\",\"text\":\"https://www.notion.so/p1\"}],"
                + "\"has_more\":false,\"response_metadata\":{\"next_cursor\":\"\"}}"));

        assertThat(announcer.findAnnouncement(Jobs.submitted(), PAGE)).contains(new Announcement.Posted("C0BOOKS", "1.1"));
    }

    @Test
    void aBotThatWasNeverInvitedCannotReadTheHistoryAndFindsNothingInsteadOfFailing() {
        slackApi.enqueue(json("{\"ok\":false,\"error\":\"not_in_channel\"}"));

        assertThat(announcer.findAnnouncement(Jobs.submitted(), PAGE)).isEmpty();
    }

    @Test
    void findsNothingWhenNoMessageLinksThePage() {
        slackApi.enqueue(json("{\"ok\":true,\"messages\":[],\"has_more\":false}"));

        assertThat(announcer.findAnnouncement(Jobs.submitted(), PAGE)).isEmpty();
    }

    private Slack slack() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.url("/api/").toString());
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}

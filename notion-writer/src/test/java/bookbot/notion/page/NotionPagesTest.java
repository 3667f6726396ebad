package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;

import bookbot.integration.notion.NotionSettings;
import bookbot.integration.notion.PropertyNames;
import bookbot.integration.notion.NotionClientConfig;
import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.http.HttpClientFactory;
import bookbot.core.job.BookJob;
import bookbot.core.testing.Jobs;
import bookbot.notion.ratelimit.NotionRateLimiter;
import notion.api.v1.NotionClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real notion-sdk-jvm client against a recorded HTTP server: what goes over the wire, what comes back. */
class NotionPagesTest {

    private static final String DATABASE = "5d2c7a1e-8f3b-4c6d-9e0a-1b2c3d4e5f60";
    private static final String PAGE = """
            {"object":"page","id":"p-1","url":"https://www.notion.so/p1","created_time":"2026-11-22T10:00:00.000Z",
             "parent":{"type":"database_id","database_id":"%s"},"properties":{},"archived":false}""".formatted(DATABASE);

    private static final Instant CLAIMED_AT = Instant.parse("2026-11-22T10:00:01.250Z");
    private static final String POSTED_PAGE = """
            {"object":"page","id":"p-2","url":"https://www.notion.so/p2","created_time":"2026-11-22T10:00:00.000Z",
             "parent":{"type":"database_id","database_id":"%s"},"archived":false,
             "properties":{"Slack message":{"id":"x","type":"rich_text","rich_text":[{"type":"text",
             "text":{"content":"posted C0BOOKS 1764493200.000100"},"plain_text":"posted C0BOOKS 1764493200.000100"}]}}}"""
            .formatted(DATABASE);

    private final MockWebServer server = new MockWebServer();
    private final NotionPages pages = pages();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void looksAPageUpByItsJobId() throws Exception {
        server.enqueue(json(200, "{\"object\":\"list\",\"results\":[" + PAGE + "],\"has_more\":false}"));

        assertThat(pages.findByJobId("job-42")).containsExactly(new BookPage("p-1", "https://www.notion.so/p1",
                Instant.parse("2026-11-22T10:00:00Z"), new Announcement.Unannounced()));

        RecordedRequest query = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(query.getPath()).isEqualTo("/v1/databases/" + DATABASE + "/query");
        assertThat(query.getHeader("Authorization")).isEqualTo("Bearer secret_test");
        assertThat(query.getHeader("Notion-Version")).isEqualTo("2022-06-28");
        JsonNode body = json.readTree(query.getBody().readUtf8());
        assertThat(body.at("/filter/property").asString()).isEqualTo("Job ID");
        assertThat(body.at("/filter/rich_text/contains").asString()).isEqualTo("job-42");
        assertThat(body.at("/page_size").asInt()).as("every page of the job, not just one").isEqualTo(100);
    }

    @Test
    void readsWhatAPageRemembersOfItsChannelMessage() {
        server.enqueue(json(200, "{\"object\":\"list\",\"results\":[" + POSTED_PAGE + "],\"has_more\":false}"));

        assertThat(pages.findByJobId("job-42")).singleElement().extracting(BookPage::announcement)
                .isEqualTo(new Announcement.Posted("C0BOOKS", "1764493200.000100"));
    }

    @Test
    void aNewPageIsClaimedForItsWriterFromTheStart() throws Exception {
        server.enqueue(json(200, PAGE));

        pages.create(Jobs.submitted(), CLAIMED_AT);

        JsonNode body = json.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertThat(body.at("/properties/Slack message/rich_text/0/text/content").asString())
                .isEqualTo("posting since 2026-11-22T10:00:01.250Z");
    }

    @Test
    void aPageThisWriterCreatedIsFoundAlthoughNotionsQueryDoesNotShowItYet() {
        server.enqueue(json(200, PAGE));
        server.enqueue(json(200, PAGE));
        server.enqueue(json(200, "{\"object\":\"list\",\"results\":[],\"has_more\":false}"));
        BookJob job = Jobs.submitted();
        BookPage created = pages.create(job, CLAIMED_AT);
        Announcement.Posted posted = new Announcement.Posted("C0BOOKS", "1764493200.000100");
        pages.remember(created, posted);

        assertThat(pages.findByJobId(job.jobId())).singleElement().satisfies(page -> {
            assertThat(page.id()).isEqualTo("p-1");
            assertThat(page.announcement()).isEqualTo(posted);
        });
    }

    @Test
    void remembersThePostedMessageOnThePage() throws Exception {
        server.enqueue(json(200, PAGE));
        BookPage page = new BookPage("p-1", "https://www.notion.so/p1", Instant.now(), new Announcement.Unannounced());

        pages.remember(page, new Announcement.Posted("C0BOOKS", "1764493200.000100"));

        RecordedRequest update = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(update.getMethod()).isEqualTo("PATCH");
        assertThat(update.getPath()).isEqualTo("/v1/pages/p-1");
        JsonNode body = json.readTree(update.getBody().readUtf8());
        assertThat(body.at("/properties/Slack message/rich_text/0/text/content").asString())
                .isEqualTo("posted C0BOOKS 1764493200.000100");
    }

    @Test
    void sendsASecondPageOfAJobToTheTrash() throws Exception {
        server.enqueue(json(200, PAGE));
        BookPage page = new BookPage("p-1", "https://www.notion.so/p1", Instant.now(), new Announcement.Unannounced());

        pages.archive(page);

        RecordedRequest update = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(update.getMethod()).isEqualTo("PATCH");
        assertThat(json.readTree(update.getBody().readUtf8()).at("/archived").asBoolean()).isTrue();
    }

    @Test
    void aCreateOnAConnectionThatDroppedIsNotSentAgainBehindTheWritersBack() {
        server.enqueue(json(200, "{\"object\":\"list\",\"results\":[],\"has_more\":false}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(200, PAGE));
        pages.findByJobId("job-42");

        assertThatThrownBy(() -> pages.create(Jobs.submitted(), CLAIMED_AT)).isInstanceOf(TransientFailure.class);
        assertThat(server.getRequestCount()).as("requests Notion received: the query, then one create").isEqualTo(2);
    }

    @Test
    void findsNothingForANewJob() {
        server.enqueue(json(200, "{\"object\":\"list\",\"results\":[],\"has_more\":false}"));

        assertThat(pages.findByJobId("job-new")).isEmpty();
    }

    @Test
    void createsThePageAndReturnsItsUrl() throws Exception {
        server.enqueue(json(200, PAGE));
        BookJob job = Jobs.submitted();

        assertThat(pages.create(job, CLAIMED_AT).url()).isEqualTo("https://www.notion.so/p1");

        JsonNode body = json.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
        assertThat(body.at("/properties/Job ID/rich_text/0/text/content").asString()).isEqualTo(job.jobId());
    }

    @Test
    void rateLimitsAndServerTroubleAreTransient() {
        server.enqueue(json(429, error(429, "rate_limited")).setHeader("Retry-After", "2"));
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html><h1>502 Bad Gateway</h1></html>"));
        server.enqueue(json(409, error(409, "conflict_error")));

        assertThatThrownBy(() -> pages.create(Jobs.submitted(), CLAIMED_AT)).isInstanceOfSatisfying(TransientFailure.class, e -> {
            assertThat(e.reason()).isEqualTo("notion-rate-limited");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
        assertThatThrownBy(() -> pages.create(Jobs.submitted(), CLAIMED_AT)).isInstanceOf(TransientFailure.class);
        assertThatThrownBy(() -> pages.create(Jobs.submitted(), CLAIMED_AT)).isInstanceOf(TransientFailure.class);
    }

    @Test
    void aBadTokenOrAMissingDatabaseIsPermanent() {
        server.enqueue(json(401, error(401, "unauthorized")));
        server.enqueue(json(404, error(404, "object_not_found")));
        server.enqueue(json(400, error(400, "validation_error")));

        assertThatThrownBy(() -> pages.findByJobId("j")).isInstanceOfSatisfying(PermanentFailure.class,
                e -> assertThat(e.reason()).isEqualTo("notion-unauthorized"));
        assertThatThrownBy(() -> pages.create(Jobs.submitted(), CLAIMED_AT)).isInstanceOfSatisfying(PermanentFailure.class,
                e -> assertThat(e.reason()).isEqualTo("notion-object-not-found"));
        assertThatThrownBy(() -> pages.create(Jobs.submitted(), CLAIMED_AT)).isInstanceOfSatisfying(PermanentFailure.class,
                e -> assertThat(e.getMessage()).contains("HTTP 400 validation_error"));
    }

    private NotionPages pages() {
        NotionSettings settings = new NotionSettings("secret_test", DATABASE, server.url("/v1").toString(),
                Duration.ofSeconds(1), Duration.ofSeconds(2), PropertyNames.DEFAULTS, 0);
        NotionClient client = NotionClientConfig.create(settings, HttpClientFactory.unmeasured());
        return new NotionPages(client, new BookPageContent(PropertyNames.DEFAULTS, DATABASE), settings,
                new NotionRateLimiter(0, 1, "books.enriched", mock(AmqpAdmin.class)));
    }

    private static String error(int status, String code) {
        return "{\"object\":\"error\",\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"m\"}";
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}

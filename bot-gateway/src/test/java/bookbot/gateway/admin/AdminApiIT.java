package bookbot.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.DeadLetterMessages;
import bookbot.core.testing.Jobs;
import bookbot.core.testing.RealBroker;
import bookbot.core.testing.TestDeadLetters;
import bookbot.gateway.slack.FakeSlackWebApi;
import bookbot.sandbox.client.SignedRequest;
import bookbot.sandbox.client.SlackRequests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API of a gateway started with BOOKBOT_ADMIN_TOKEN, over HTTP, on dead letters in a real broker. The
 * HTTP mapping alone (statuses, JSON, the token filter's answers) is {@link AdminApiHttpTest}'s; wrong
 * credentials on a real server are {@link AdminApiHostileIT}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealBroker
class AdminApiIT {

    static final String TOKEN = "adm-7c1e0f4b9d2a-test-token";
    private static final String SECRET = "test-signing-secret";
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        SLACK.register(registry, SECRET);
        registry.add("bookbot.admin.token", () -> TOKEN);
    }

    @AfterAll
    static void stopSlack() throws IOException {
        SLACK.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    Topology topology;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private BookJob revoked;
    private String revokedId;

    @BeforeEach
    void twoDeadLetters() {
        // The gateway declares its topology when its first broker connection opens, which may come after this.
        admin.initialize();
        TestDeadLetters.discardAll(topology);
        admin.purgeQueue(topology.queue(Stage.WRITE), false);
        revoked = Jobs.submitted("https://www.yes24.com/Product/Goods/1");
        revokedId = deadLetter(revoked, "notion-unauthorized", "Notion answered 401: API token is invalid");
        deadLetter(Jobs.submitted("https://www.yes24.com/Product/Goods/2"), "notion-validation-error", "Notion answered 400");
    }

    @Test
    void slackAndAdminDoNotShareAuthentication() throws Exception {
        SignedRequest signed = new SlackRequests(SECRET, Clock.systemUTC()).slashCommand("/book", "U0MEMBER", "C0BOOKS", "t.1");
        HttpRequest.Builder slackSigned = HttpRequest.newBuilder(uri("/admin/dead-letters")).GET();
        signed.headers().forEach(slackSigned::header);
        assertThat(http.send(slackSigned.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        HttpResponse<String> slackWithToken = send("POST", "/slack/events", signed.body(), "Bearer " + TOKEN);
        assertThat(slackWithToken.statusCode()).isEqualTo(401);
    }

    @Test
    void listsAndShowsDeadLetters() throws Exception {
        JsonNode listing = json.readTree(ok(send("GET", "/admin/dead-letters?reason=401", null, bearer())));

        assertThat(listing.get("total").asInt()).isEqualTo(2);
        assertThat(listing.get("matching").asInt()).isEqualTo(1);
        assertThat(listing.get("countsByReason").get("notion-unauthorized").asInt()).isEqualTo(1);
        JsonNode first = listing.get("deadLetters").get(0);
        assertThat(first.get("id").asString()).isEqualTo(revokedId);
        assertThat(first.get("jobId").asString()).isEqualTo(revoked.jobId());
        assertThat(first.get("stage").asString()).isEqualTo("write");
        assertThat(first.get("link").asString()).isEqualTo(revoked.recommendation().bookUrl());

        JsonNode detail = json.readTree(ok(send("GET", "/admin/dead-letters/" + revokedId, null, bearer())));
        assertThat(detail.get("payload").get("jobId").asString()).isEqualTo(revoked.jobId());
        assertThat(detail.get("headers").get(JobHeaders.DEAD_ERROR).asString()).contains("401");
        assertThat(send("GET", "/admin/dead-letters/ffffffffffff", null, bearer()).statusCode()).isEqualTo(404);
    }

    @Test
    void replaysWhatTheFilterPicksAfterADryRunShowedIt() throws Exception {
        JsonNode dryRun = json.readTree(ok(send("POST", "/admin/dead-letters/replay",
                "{\"reason\":\"401\",\"dryRun\":true}", bearer())));
        assertThat(dryRun.get("matched").asInt()).isEqualTo(1);
        assertThat(readyDeadLetters()).isEqualTo(2);

        JsonNode report = json.readTree(ok(send("POST", "/admin/dead-letters/replay",
                "{\"reason\":\"401\",\"by\":\"alice\",\"ratePerSecond\":10}", bearer())));

        assertThat(report.get("done").asInt()).isEqualTo(1);
        Message replayed = rabbit.receive(topology.queue(Stage.WRITE), 5_000);
        assertThat(replayed.getMessageProperties().getMessageId()).isEqualTo(revoked.jobId());
        assertThat(replayed.getMessageProperties().getHeaders().get(JobHeaders.HISTORY).toString())
                .contains("alice (admin API from 127.0.0.1)", "notion-unauthorized");
        assertThat(readyDeadLetters()).isEqualTo(1);
    }

    @Test
    void discardsOneWithAReasonAndRefusesWithout() throws Exception {
        assertThat(send("POST", "/admin/dead-letters/" + revokedId + "/discard", "{}", bearer()).statusCode()).isEqualTo(400);
        assertThat(readyDeadLetters()).isEqualTo(2);

        JsonNode report = json.readTree(ok(send("POST", "/admin/dead-letters/" + revokedId + "/discard",
                "{\"because\":\"the member shared it again\",\"by\":\"alice\"}", bearer())));

        assertThat(report.get("done").asInt()).isEqualTo(1);
        assertThat(readyDeadLetters()).isEqualTo(1);
        assertThat(send("POST", "/admin/dead-letters/" + revokedId + "/replay", "{}", bearer()).statusCode()).isEqualTo(404);
    }

    private String deadLetter(BookJob job, String reason, String error) {
        String id = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 12);
        TestDeadLetters.add(topology,
                DeadLetterMessages.fromWriter(job, id, reason, error));
        return id;
    }

    private int readyDeadLetters() {
        return TestDeadLetters.count(topology);
    }

    private static String bearer() {
        return "Bearer " + TOKEN;
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", path.startsWith("/slack") ? "application/x-www-form-urlencoded" : "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

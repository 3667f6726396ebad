package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.RealBroker;
import bookbot.gateway.form.BookModal;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SignedRequest;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackRequests;

/**
 * The door Slack's requests come through ({@code POST /slack/events}), tried with a table of hostile requests:
 * forged, stale, future-dated and replayed signatures, oversized and malformed bodies, invalid UTF-8, unknown
 * payload types, and forms carrying dangerous links and oversized text. Each gets a clear 4xx or a field error
 * in the form — never a 5xx or a stack trace — and none of them queues a job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealBroker
class SlackEventsHostileIT {

    private static final String SECRET = "test-signing-secret";
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();
    private static final String RIDI = "https://ridibooks.com/books/1354000126";

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        SLACK.register(registry, SECRET);
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

    private final SlackRequests requests = new SlackRequests(SECRET, Clock.systemUTC());

    /** What the gateway must answer: a status in a range, or a field error on one of the form's fields. */
    private record Expected(int lowestStatus, int highestStatus, String fieldInError) {

        static Expected refused(int status) {
            return new Expected(status, status, null);
        }

        static Expected anyClientError() {
            return new Expected(400, 499, null);
        }

        static Expected fieldError(String field) {
            return new Expected(200, 200, field);
        }
    }

    private record Hostile(String what, byte[] body, Map<String, String> headers, Expected expected) {

        static Hostile of(String what, SignedRequest request, Expected expected) {
            return new Hostile(what, request.body().getBytes(StandardCharsets.UTF_8), request.headers(), expected);
        }
    }

    @Test
    void noHostileRequestGetsPastTheDoorOrQueuesAJob() throws Exception {
        SlackAppClient slack = new SlackAppClient(URI.create("http://127.0.0.1:" + port + "/slack/events"));
        admin.purgeQueue(topology.queue(Stage.ENRICH), false);

        SignedRequest accepted = submission(new FormValues(RIDI, "소설::SF", "Worth it.", null));
        assertThat(slack.send(accepted).status()).isEqualTo(200);
        SignedRequest command = requests.slashCommand("/book", "U0MEMBER", "C0BOOKS", "trigger-hostile-1");
        assertThat(slack.send(command).status()).isEqualTo(200);
        assertThat(drainQueued()).as("the genuine submission").hasSize(1);

        List<Hostile> table = hostileRequests(accepted, command);
        List<String> failures = new ArrayList<>();
        for (Hostile hostile : table) {
            SlackAppClient.Answer answer = slack.send(hostile.body(), hostile.headers());
            Expected expected = hostile.expected();
            boolean statusOk = answer.status() >= expected.lowestStatus() && answer.status() <= expected.highestStatus();
            boolean fieldOk = expected.fieldInError() == null
                    || answer.body().contains("\"response_action\":\"errors\"")
                    && answer.body().contains("\"" + expected.fieldInError() + "\"");
            boolean quiet = !answer.body().contains("Exception") && !answer.body().contains("\tat ");
            if (!statusOk || !fieldOk || !quiet) {
                failures.add(hostile.what() + " → HTTP " + answer.status() + " " + answer.body());
            }
        }
        System.out.printf("hostile inputs tried at POST /slack/events: %d%n", table.size());

        assertThat(failures).as("requests answered otherwise than expected").isEmpty();
        assertThat(drainQueued()).as("jobs queued by hostile requests").isEmpty();
    }

    private List<Hostile> hostileRequests(SignedRequest accepted, SignedRequest command) throws Exception {
        String body = submission(new FormValues(RIDI, "소설::SF", "r", null)).body();
        long now = Instant.now().getEpochSecond();
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        byte[] invalidUtf8 = {'p', 'a', 'y', 'l', 'o', 'a', 'd', '=', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '%', '7', 'B'};
        List<Hostile> table = new ArrayList<>(List.of(
                new Hostile("no signature", bytes(body), form, Expected.refused(401)),
                Hostile.of("an all-zero signature", new SignedRequest(body, Map.of("Content-Type", form.get("Content-Type"),
                        "X-Slack-Request-Timestamp", String.valueOf(now), "X-Slack-Signature", "v0=" + "0".repeat(64))),
                        Expected.refused(401)),
                Hostile.of("signed with another secret", new SlackRequests("some-other-secret", Clock.systemUTC()).sign(body),
                        Expected.refused(401)),
                Hostile.of("signed 6 minutes ago", requests.signAt(body, now - 6 * 60), Expected.refused(401)),
                Hostile.of("signed 6 minutes in the future", requests.signAt(body, now + 6 * 60), Expected.refused(401)),
                Hostile.of("signed 10 years in the future", requests.signAt(body, now + 10L * 365 * 24 * 3600),
                        Expected.refused(401)),
                Hostile.of("a timestamp that is not a number", withHeader(requests.sign(body), "X-Slack-Request-Timestamp",
                        "yesterday"), Expected.refused(401)),
                Hostile.of("body changed after signing", new SignedRequest(body.replace("1354000126", "1354000127"),
                        requests.sign(body).headers()), Expected.refused(401)),
                Hostile.of("the accepted submission sent again", accepted, Expected.refused(409)),
                Hostile.of("the slash command sent again", command, Expected.refused(409)),
                Hostile.of("a 70 KB body", requests.sign("payload=" + "x".repeat(70 * 1024)), Expected.refused(413)),
                Hostile.of("a payload that is not JSON", requests.sign("payload=%7Bnot-json"), Expected.refused(400)),
                Hostile.of("a JSON payload of an unknown type", requests.payload(Map.of("type", "block_suggestion_x",
                        "team", Map.of("id", SlackRequests.TEAM_ID))), Expected.anyClientError()),
                Hostile.of("a view submission for a form this app never opened", requests.viewSubmission("U0MEMBER",
                        "V0002", "some_other_form", "C0BOOKS", new FormValues(RIDI, "소설::SF", "r", null)),
                        Expected.anyClientError()),
                Hostile.of("a command this app does not have", requests.slashCommand("/rm-rf", "U0MEMBER", "C0BOOKS",
                        "trigger-hostile-2"), Expected.anyClientError()),
                Hostile.of("an empty signed body", requests.sign(""), Expected.anyClientError()),
                new Hostile("invalid UTF-8, signed over its raw bytes", invalidUtf8, signRaw(invalidUtf8, now),
                        Expected.anyClientError()),
                Hostile.of("a javascript: link", submission(new FormValues("javascript:alert(document.cookie)", "소설::SF",
                        "r", null)), Expected.fieldError("book_link")),
                Hostile.of("the cloud metadata address", submission(new FormValues("http://169.254.169.254/latest/meta-data/",
                        "소설::SF", "r", null)), Expected.fieldError("book_link")),
                Hostile.of("a file: link", submission(new FormValues("file:///etc/passwd", "소설::SF", "r", null)),
                        Expected.fieldError("book_link")),
                Hostile.of("a loopback link", submission(new FormValues("http://127.0.0.1:15672/api/users", "소설::SF", "r",
                        null)), Expected.fieldError("book_link")),
                Hostile.of("a store's name as a prefix of another host", submission(new FormValues(
                        "https://ridibooks.com.evil.example/books/1", "소설::SF", "r", null)), Expected.fieldError("book_link")),
                Hostile.of("a store's name as user info", submission(new FormValues("https://ridibooks.com@evil.example/",
                        "소설::SF", "r", null)), Expected.fieldError("book_link")),
                Hostile.of("a link with a line break", submission(new FormValues(RIDI + "\r\nX-Injected: 1", "소설::SF", "r",
                        null)), Expected.fieldError("book_link")),
                Hostile.of("a link forging Slack markup", submission(new FormValues(RIDI + "|click here>", "소설::SF", "r",
                        null)), Expected.fieldError("book_link")),
                Hostile.of("a 10,000-character reason", submission(new FormValues(RIDI, "소설::SF", "x".repeat(10_000), null)),
                        Expected.fieldError("reason")),
                Hostile.of("a reason made only of control characters", submission(new FormValues(RIDI, "소설::SF",
                        "\u0000\u0007\u001b\u202e", null)), Expected.fieldError("reason")),
                Hostile.of("a 201-character title", submission(new FormValues(RIDI, "소설::SF", "r", "t".repeat(201))),
                        Expected.fieldError("title")),
                Hostile.of("a category that is not in the list", submission(new FormValues(RIDI, "소설::<!channel>", "r",
                        null)), Expected.fieldError("category"))));
        return table;
    }

    private SignedRequest submission(FormValues values) {
        return requests.viewSubmission("U0MEMBER", "V0001", BookModal.CALLBACK_ID, "C0BOOKS", values);
    }

    private static SignedRequest withHeader(SignedRequest request, String name, String value) {
        Map<String, String> headers = new java.util.HashMap<>(request.headers());
        headers.put(name, value);
        return new SignedRequest(request.body(), headers);
    }

    private static Map<String, String> signRaw(byte[] body, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", String.valueOf(timestamp),
                "X-Slack-Signature", "v0=" + HexFormat.of().formatHex(mac.doFinal(body)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Message> drainQueued() {
        List<Message> jobs = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive(topology.queue(Stage.ENRICH), 300)) != null) {
            jobs.add(message);
        }
        return jobs;
    }
}

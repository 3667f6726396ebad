package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 *
 * <p>Each request is signed when its case runs, so that "6 minutes in the future" is 6 minutes from then.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealBroker
class SlackEventsHostileIT {

    private static final String SECRET = "test-signing-secret";
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();
    private static final String RIDI = "https://ridibooks.com/books/1354000126";
    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

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

    private SlackAppClient slack;

    @BeforeEach
    void emptyQueue() {
        slack = new SlackAppClient(URI.create("http://127.0.0.1:" + port + "/slack/events"));
        admin.purgeQueue(topology.queue(Stage.ENRICH), false);
    }

    /** What the gateway must answer: a status in a range, or a field error on one of the form's fields. */
    record Expected(int lowestStatus, int highestStatus, String fieldInError) {

        static Expected refused(int status) {
            return new Expected(status, status, null);
        }

        static Expected anyClientError() {
            return new Expected(400, 499, null);
        }

        static Expected fieldError(String field) {
            return new Expected(200, 200, field);
        }

        @Override
        public String toString() {
            return fieldInError != null ? "an error on " + fieldInError
                    : lowestStatus == highestStatus ? String.valueOf(lowestStatus) : "a 4xx";
        }
    }

    /** A request as sent: the body's bytes (not always UTF-8) and the headers. */
    record Raw(byte[] body, Map<String, String> headers) {

        static Raw of(SignedRequest request) {
            return new Raw(request.body().getBytes(StandardCharsets.UTF_8), request.headers());
        }
    }

    /**
     * How to make the request, signed at the moment the case runs.
     *
     * @param sentBefore the same request was received once already, and accepted
     */
    record Hostile(Maker maker, boolean sentBefore) {

        interface Maker {
            Raw make(SlackRequests requests, long now) throws Exception;
        }

        static Hostile signed(Maker maker) {
            return new Hostile(maker, false);
        }

        static Hostile again(Maker maker) {
            return new Hostile(maker, true);
        }
    }

    @Test
    void aGenuineSubmissionAndCommandGetThroughTheSameDoor() {
        SlackRequests requests = requests();

        assertThat(slack.send(submission(requests, new FormValues(RIDI, "소설::SF", "Worth it.", null))).status())
                .isEqualTo(200);
        assertThat(slack.send(requests.slashCommand("/book", "U0MEMBER", "C0BOOKS", "trigger-genuine")).status())
                .isEqualTo(200);
        assertThat(drainQueued()).as("the genuine submission").hasSize(1);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("hostileRequests")
    void isAnsweredPlainlyAndQueuesNothing(Hostile hostile, Expected expected) throws Exception {
        Raw request = hostile.maker().make(requests(), Instant.now().getEpochSecond());
        if (hostile.sentBefore()) {
            assertThat(slack.send(request.body(), request.headers()).status()).as("the first time").isEqualTo(200);
            drainQueued();
        }

        SlackAppClient.Answer answer = slack.send(request.body(), request.headers());

        assertThat(answer.status()).as(answer.body()).isBetween(expected.lowestStatus(), expected.highestStatus());
        if (expected.fieldInError() != null) {
            assertThat(answer.body()).contains("\"response_action\":\"errors\"")
                    .contains("\"" + expected.fieldInError() + "\"");
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(drainQueued()).as("jobs queued").isEmpty();
    }

    static Stream<Arguments> hostileRequests() {
        return Stream.of(
                arguments(named("no signature", Hostile.signed((r, now) ->
                        new Raw(bytes(body(r)), FORM))), Expected.refused(401)),
                arguments(named("an all-zero signature", Hostile.signed((r, now) -> Raw.of(new SignedRequest(body(r),
                        Map.of("Content-Type", FORM.get("Content-Type"), "X-Slack-Request-Timestamp", String.valueOf(now),
                                "X-Slack-Signature", "v0=" + "0".repeat(64)))))), Expected.refused(401)),
                arguments(named("signed with another secret", Hostile.signed((r, now) ->
                        Raw.of(new SlackRequests("some-other-secret", Clock.systemUTC()).sign(body(r))))),
                        Expected.refused(401)),
                arguments(named("signed 6 minutes ago", Hostile.signed((r, now) ->
                        Raw.of(r.signAt(body(r), now - 6 * 60)))), Expected.refused(401)),
                arguments(named("signed 6 minutes in the future", Hostile.signed((r, now) ->
                        Raw.of(r.signAt(body(r), now + 6 * 60)))), Expected.refused(401)),
                arguments(named("signed 10 years in the future", Hostile.signed((r, now) ->
                        Raw.of(r.signAt(body(r), now + 10L * 365 * 24 * 3600)))), Expected.refused(401)),
                arguments(named("a timestamp that is not a number", Hostile.signed((r, now) ->
                        Raw.of(withHeader(r.sign(body(r)), "X-Slack-Request-Timestamp", "yesterday")))),
                        Expected.refused(401)),
                arguments(named("body changed after signing", Hostile.signed((r, now) ->
                        Raw.of(new SignedRequest(body(r).replace("1354000126", "1354000127"), r.sign(body(r)).headers())))),
                        Expected.refused(401)),
                arguments(named("the accepted submission sent again", Hostile.again((r, now) ->
                        Raw.of(submission(r, new FormValues(RIDI, "소설::SF", "Worth reading twice.", null))))),
                        Expected.refused(409)),
                arguments(named("the slash command sent again", Hostile.again((r, now) ->
                        Raw.of(r.slashCommand("/book", "U0MEMBER", "C0BOOKS", "trigger-hostile-1")))),
                        Expected.refused(409)),
                arguments(named("a 70 KB body", Hostile.signed((r, now) ->
                        Raw.of(r.sign("payload=" + "x".repeat(70 * 1024))))), Expected.refused(413)),
                arguments(named("a payload that is not JSON", Hostile.signed((r, now) ->
                        Raw.of(r.sign("payload=%7Bnot-json")))), Expected.refused(400)),
                arguments(named("a JSON payload of an unknown type", Hostile.signed((r, now) ->
                        Raw.of(r.payload(Map.of("type", "block_suggestion_x", "team", Map.of("id", SlackRequests.TEAM_ID)))))),
                        Expected.anyClientError()),
                arguments(named("a view submission for a form this app never opened", Hostile.signed((r, now) ->
                        Raw.of(r.viewSubmission("U0MEMBER", "V0002", "some_other_form", "C0BOOKS",
                                new FormValues(RIDI, "소설::SF", "r", null))))), Expected.anyClientError()),
                arguments(named("a command this app does not have", Hostile.signed((r, now) ->
                        Raw.of(r.slashCommand("/rm-rf", "U0MEMBER", "C0BOOKS", "trigger-hostile-2")))),
                        Expected.anyClientError()),
                arguments(named("an empty signed body", Hostile.signed((r, now) -> Raw.of(r.sign("")))),
                        Expected.anyClientError()),
                arguments(named("invalid UTF-8, signed over its raw bytes", Hostile.signed((r, now) ->
                        new Raw(INVALID_UTF8, signRaw(INVALID_UTF8, now)))), Expected.anyClientError()),
                arguments(named("a javascript: link", form("javascript:alert(document.cookie)", "소설::SF", "r", null)),
                        Expected.fieldError("book_link")),
                arguments(named("the cloud metadata address", form("http://169.254.169.254/latest/meta-data/", "소설::SF",
                        "r", null)), Expected.fieldError("book_link")),
                arguments(named("a file: link", form("file:///etc/passwd", "소설::SF", "r", null)),
                        Expected.fieldError("book_link")),
                arguments(named("a loopback link", form("http://127.0.0.1:15672/api/users", "소설::SF", "r", null)),
                        Expected.fieldError("book_link")),
                arguments(named("a store's name as a prefix of another host", form(
                        "https://ridibooks.com.evil.example/books/1", "소설::SF", "r", null)), Expected.fieldError("book_link")),
                arguments(named("a store's name as user info", form("https://ridibooks.com@evil.example/", "소설::SF", "r",
                        null)), Expected.fieldError("book_link")),
                arguments(named("a link with a line break", form(RIDI + "\r\nX-Injected: 1", "소설::SF", "r", null)),
                        Expected.fieldError("book_link")),
                arguments(named("a link forging Slack markup", form(RIDI + "|click here>", "소설::SF", "r", null)),
                        Expected.fieldError("book_link")),
                arguments(named("a 10,000-character reason", form(RIDI, "소설::SF", "x".repeat(10_000), null)),
                        Expected.fieldError("reason")),
                arguments(named("a reason made only of control characters", form(RIDI, "소설::SF", "\u0000\u0007\u001b\u202e",
                        null)), Expected.fieldError("reason")),
                arguments(named("a 201-character title", form(RIDI, "소설::SF", "r", "t".repeat(201))),
                        Expected.fieldError("title")),
                arguments(named("a category that is not in the list", form(RIDI, "소설::<!channel>", "r", null)),
                        Expected.fieldError("category")));
    }

    private static final byte[] INVALID_UTF8 = {'p', 'a', 'y', 'l', 'o', 'a', 'd', '=', (byte) 0xC3, (byte) 0x28,
            (byte) 0xFF, '%', '7', 'B'};

    /** A submission of the modal with these values, signed. */
    private static Hostile form(String link, String category, String reason, String title) {
        return Hostile.signed((r, now) -> Raw.of(submission(r, new FormValues(link, category, reason, title))));
    }

    /** The body the signature cases forge: a valid-looking submission. */
    private static String body(SlackRequests requests) {
        return submission(requests, new FormValues(RIDI, "소설::SF", "r", null)).body();
    }

    private static SignedRequest submission(SlackRequests requests, FormValues values) {
        return requests.viewSubmission("U0MEMBER", "V0001", BookModal.CALLBACK_ID, "C0BOOKS", values);
    }

    private static SlackRequests requests() {
        return new SlackRequests(SECRET, Clock.systemUTC());
    }

    private static SignedRequest withHeader(SignedRequest request, String name, String value) {
        Map<String, String> headers = new HashMap<>(request.headers());
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

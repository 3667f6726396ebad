package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import bookbot.core.job.Category;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.RealBroker;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SignedRequest;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackRequests;
import bookbot.gateway.form.BookModal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as Slack sees it: signed requests in, answers out, jobs on a real broker. Slack's Web API is a
 * local fake that records views.open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealBroker
class SlackEventsIT {

    private static final String SECRET = "test-signing-secret";
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();
    private static final String YES24 = "https://www.yes24.com/Product/Goods/106369008";

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
    @Autowired
    JobMessages messages;

    private final SlackRequests requests = new SlackRequests(SECRET, Clock.systemUTC());
    private final JsonMapper json = JsonMapper.builder().build();
    private SlackAppClient slack;

    @BeforeEach
    void setUp() {
        slack = new SlackAppClient(URI.create("http://127.0.0.1:" + port + "/slack/events"));
        admin.purgeQueue(topology.queue(Stage.ENRICH), false);
        SLACK.viewsOpened().clear();
    }

    @Test
    void theSlashCommandOpensTheModalInTheRequestAndAcksEmpty() throws Exception {
        SlackAppClient.Answer answer = slack.send(requests.slashCommand("/book", "U0MEMBER", "C0BOOKS", "trigger-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(SLACK.viewsOpened()).hasSize(1);
        Map<String, String> form = formOf(SLACK.viewsOpened().getFirst().getBody().readUtf8());
        assertThat(form.get("trigger_id")).isEqualTo("trigger-1");
        JsonNode view = json.readTree(form.get("view"));
        assertThat(view.get("callback_id").asString()).isEqualTo(BookModal.CALLBACK_ID);
        assertThat(view.get("private_metadata").asString()).isEqualTo("C0BOOKS");
        assertThat(SLACK.viewsOpened().getFirst().getHeader("Authorization")).isEqualTo("Bearer xoxb-test-token");
    }

    @Test
    void aValidModalSubmissionQueuesOneJobAndClosesTheModal() {
        SlackAppClient.Answer answer = slack.send(submission(new FormValues(YES24, "소설::SF", "Read it.", null)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        List<BookJob> queued = drainQueued();
        assertThat(queued).hasSize(1);
        BookJob job = queued.getFirst();
        assertThat(job.recommendation().bookUrl()).isEqualTo(YES24);
        assertThat(job.recommendation().channelId()).isEqualTo("C0BOOKS");
        assertThat(job.recommendation().userId()).isEqualTo("U0MEMBER");
        assertThat(job.recommendation().teamId()).isEqualTo(SlackRequests.TEAM_ID);
        assertThat(job.recommendation().category()).isEqualTo(new Category("소설", "SF"));
        assertThat(job.recommendation().reason()).isEqualTo("Read it.");
    }

    @Test
    void theSameModalSubmittedAgainIsTheSameJobAndAnotherModalAnotherJob() {
        FormValues form = new FormValues(YES24, "소설::SF", "Read it.", null);

        slack.send(requests.viewSubmission("U0MEMBER", "V0SHARE1", BookModal.CALLBACK_ID, "C0BOOKS", form));
        slack.send(requests.viewSubmission("U0MEMBER", "V0SHARE1", BookModal.CALLBACK_ID, "C0BOOKS", form));
        slack.send(requests.viewSubmission("U0MEMBER", "V0SHARE2", BookModal.CALLBACK_ID, "C0BOOKS", form));

        List<String> jobIds = drainQueued().stream().map(BookJob::jobId).toList();
        assertThat(jobIds).hasSize(3);
        assertThat(jobIds.get(1)).isEqualTo(jobIds.get(0));
        assertThat(jobIds.get(2)).isNotEqualTo(jobIds.get(0));
    }

    @Test
    void aModalSubmissionWithoutAViewIdIsA400AndQueuesNothing() {
        SlackAppClient.Answer answer = slack.send(requests.viewSubmission("U0MEMBER", null, BookModal.CALLBACK_ID,
                "C0BOOKS", new FormValues(YES24, "소설::SF", "Read it.", null)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(drainQueued()).isEmpty();
    }

    @Test
    void anInvalidLinkIsAnsweredWithAFieldErrorAndQueuesNothing() {
        SlackAppClient.Answer answer = slack.send(submission(new FormValues("not a link", "소설::SF", "r", null)));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("response_action").asString()).isEqualTo("errors");
        assertThat(body.get("errors").get("book_link").asString()).isEqualTo("This is not a valid http(s) link.");
        assertThat(drainQueued()).isEmpty();
    }

    @Test
    void aStoreOutsideTheListIsAnsweredWithAFieldErrorAndQueuesNothing() {
        SlackAppClient.Answer answer = slack.send(submission(
                new FormValues("https://www.amazon.com/dp/0593135202", "소설::SF", "r", null)));

        JsonNode errors = json.readTree(answer.body()).get("errors");
        assertThat(errors.get("book_link").asString())
                .isEqualTo("Links from these stores only: ridibooks.com, yes24.com, kyobobook.co.kr, aladin.co.kr");
        assertThat(drainQueued()).isEmpty();
    }

    @Test
    void theOriginalBotsDialogStillWorks() {
        SlackAppClient.Answer answer = slack.send(requests.dialogSubmission("U0MEMBER", "C0BOOKS", "book_dialog",
                new FormValues("https://ridibooks.com/books/1354000126", "재테크/금융/부동산", "추천합니다", null)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        List<BookJob> queued = drainQueued();
        assertThat(queued).hasSize(1);
        assertThat(queued.getFirst().recommendation().category()).isEqualTo(new Category("경영/경제", "재테크/금융/부동산"));
    }

    @Test
    void theOriginalBotsDialogGetsItsErrorsInTheDialogShape() {
        SlackAppClient.Answer answer = slack.send(requests.dialogSubmission("U0MEMBER", "C0BOOKS", "book_dialog",
                new FormValues("https://www.amazon.com/dp/1", "재테크/금융/부동산", "추천합니다", null)));

        JsonNode error = json.readTree(answer.body()).get("errors").get(0);
        assertThat(error.get("name").asString()).isEqualTo("bookstore_url");
        assertThat(error.get("error").asString()).startsWith("Links from these stores only");
        assertThat(drainQueued()).isEmpty();
    }

    @Test
    void requestsWithoutAValidFreshSignatureAreRefusedWith401AndPublishNothing() {
        String body = submission(new FormValues(YES24, "소설::SF", "r", null)).body();
        long now = Instant.now().getEpochSecond();
        SignedRequest signed = requests.signAt(body, now);
        List<SignedRequest> forged = List.of(
                new SignedRequest(body, Map.of("Content-Type", "application/x-www-form-urlencoded")),
                new SignedRequest(body, Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "X-Slack-Request-Timestamp", String.valueOf(now), "X-Slack-Signature", "v0=" + "0".repeat(64))),
                new SlackRequests("some-other-secret", Clock.systemUTC()).sign(body),
                requests.signAt(body, now - 6 * 60),
                new SignedRequest(body.replace("106369008", "106369009"), signed.headers()));

        for (SignedRequest request : forged) {
            assertThat(slack.send(request).status()).isEqualTo(401);
        }
        assertThat(slack.send(requests.slashCommand("/book", "U0MEMBER", "C0BOOKS", "t")).status()).isEqualTo(200);
        assertThat(drainQueued()).isEmpty();
    }

    @Test
    void aSignedButMalformedPayloadIsA400NotA500() {
        SlackAppClient.Answer answer = slack.send(requests.sign("payload=%7Bnot-json"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("Exception");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeParsing() {
        SlackAppClient.Answer answer = slack.send(requests.sign("payload=" + "x".repeat(70 * 1024)));

        assertThat(answer.status()).isEqualTo(413);
    }

    private SignedRequest submission(FormValues values) {
        return requests.viewSubmission("U0MEMBER", "V0001", BookModal.CALLBACK_ID, "C0BOOKS", values);
    }

    private List<BookJob> drainQueued() {
        List<BookJob> jobs = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive(topology.queue(Stage.ENRICH), 300)) != null) {
            jobs.add(messages.toJob(message));
        }
        return jobs;
    }

    private static Map<String, String> formOf(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}

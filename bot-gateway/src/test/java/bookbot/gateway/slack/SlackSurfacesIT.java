package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import bookbot.core.job.JobKind;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.RealBroker;
import bookbot.gateway.form.BookModal;
import bookbot.gateway.submission.JobIds;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackRequests;
import okhttp3.mockwebserver.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's other doors than {@code /book}: the shortcuts, the menu on a share's message, the Home tab, each in
 * the member's language. Signed requests in, jobs on a real broker, Slack's Web API a local fake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bookbot.form.default-channel=C0DEFAULT")
@RealBroker
class SlackSurfacesIT {

    private static final String SECRET = "test-signing-secret";
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();
    private static final String YES24 = "https://www.yes24.com/Product/Goods/106369008";
    private static final Map<String, Object> SHARED_BY_MEMBER = SlackRequests.shareMetadata("shared-job-1",
            "U0MEMBER", YES24, "소설", "SF", "Read it.", "My title");

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
        admin.purgeQueue(topology.queue(Stage.WRITE), false);
        SLACK.viewsOpened().clear();
        SLACK.ephemeralPosted().clear();
    }

    @Test
    void sharingAMessageOpensTheFormInItsChannelWithItsFirstAllowedLinkAndItsText() {
        SlackAppClient.Answer answer = slack.send(requests.messageShortcut("U0MEMBER", "C0CHAT", "1700000000.000100",
                "Loved <https://www.amazon.com/dp/0593135202|this> and <" + YES24 + "|yes24 has it> &amp; more",
                "share_from_message", "trigger-m1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        JsonNode view = onlyOpenedView("trigger-m1");
        assertThat(view.get("callback_id").asString()).isEqualTo(BookModal.CALLBACK_ID);
        assertThat(view.get("private_metadata").asString()).isEqualTo("C0CHAT");
        assertThat(initialValue(view, "book_link")).isEqualTo(YES24);
        assertThat(initialValue(view, "reason")).isEqualTo("Loved this and yes24 has it & more");
        assertThat(blockIds(view)).doesNotContain("channel");
    }

    @Test
    void aMessageWithoutAnAllowedLinkOpensTheFormWithItsTextOnly() {
        slack.send(requests.messageShortcut("U0MEMBER", "C0CHAT", "1700000000.000101",
                "Only <https://www.amazon.com/dp/0593135202|amazon> here", "share_from_message", "trigger-m2"));

        JsonNode view = onlyOpenedView("trigger-m2");
        assertThat(initialValue(view, "book_link")).isNull();
        assertThat(initialValue(view, "reason")).isEqualTo("Only amazon here");
    }

    @Test
    void aMessageLongerThanTheReasonLimitIsCutToIt() {
        slack.send(requests.messageShortcut("U0MEMBER", "C0CHAT", "1700000000.000102", "x".repeat(2500),
                "share_from_message", "trigger-m3"));

        assertThat(initialValue(onlyOpenedView("trigger-m3"), "reason")).hasSize(2000);
    }

    @Test
    void theShortcutMenuOpensTheEmptyFormAskingForTheChannelAndASubmissionWithoutOneIsAFieldError() {
        slack.send(requests.globalShortcut("U0MEMBER", "share_book", "trigger-g1"));

        JsonNode view = onlyOpenedView("trigger-g1");
        assertThat(view.get("callback_id").asString()).isEqualTo(BookModal.CALLBACK_ID);
        assertThat(view.get("private_metadata").asString()).isEmpty();
        assertThat(initialValue(view, "book_link")).isNull();
        assertThat(initialValue(view, "reason")).isNull();
        JsonNode channel = block(view, "channel").get("element");
        assertThat(channel.get("type").asString()).isEqualTo("conversations_select");
        assertThat(channel.get("initial_conversation").asString()).isEqualTo("C0DEFAULT");

        FormValues form = new FormValues(YES24, "소설::SF", "Read it.", null);
        SlackAppClient.Answer none = slack.send(requests.viewSubmission("U0MEMBER", "V0G1", BookModal.CALLBACK_ID, "",
                form, null));
        assertThat(json.readTree(none.body()).get("errors").get("channel").asString())
                .isEqualTo("Pick the channel to share it in.");
        assertThat(drain(Stage.ENRICH)).isEmpty();

        SlackAppClient.Answer picked = slack.send(requests.viewSubmission("U0MEMBER", "V0G1", BookModal.CALLBACK_ID,
                "", form, "C0PICKED"));
        assertThat(picked.body()).isEmpty();
        assertThat(drain(Stage.ENRICH)).singleElement()
                .satisfies(job -> assertThat(job.recommendation().channelId()).isEqualTo("C0PICKED"));
    }

    @Test
    void theHomeTabsButtonOpensTheEmptyForm() {
        SlackAppClient.Answer answer = slack.send(requests.homeButton("U0MEMBER", "V0HOME", "bookbot_share_book",
                "trigger-h1"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode view = onlyOpenedView("trigger-h1");
        assertThat(view.get("callback_id").asString()).isEqualTo(BookModal.CALLBACK_ID);
        assertThat(blockIds(view)).contains("channel");
    }

    @Test
    void theMenuPressedBySomeoneElseTellsThemWhoCanAndChangesNothing() {
        for (String option : List.of("edit", "withdraw")) {
            SlackAppClient.Answer answer = slack.send(requests.messageMenu("U0ALICE", "C0BOOKS", "1700000000.000200",
                    "bookbot_share_menu", option, SHARED_BY_MEMBER, "trigger-x-" + option));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEmpty();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> SLACK.ephemeralPosted().size() == 2);
        for (RecordedRequest notice : SLACK.ephemeralPosted()) {
            Map<String, String> form = formOf(notice);
            assertThat(form).containsEntry("channel", "C0BOOKS").containsEntry("user", "U0ALICE")
                    .containsEntry("text", "Only <@U0MEMBER> can change this.");
        }
        assertThat(SLACK.viewsOpened()).isEmpty();
        assertThat(drain(Stage.ENRICH)).isEmpty();
        assertThat(drain(Stage.WRITE)).isEmpty();
    }

    @Test
    void editOpensTheFormFilledWithTheShareAndSavingItQueuesAnEditOfThatShare() {
        slack.send(requests.messageMenu("U0MEMBER", "C0BOOKS", "1700000000.000300", "bookbot_share_menu", "edit",
                SHARED_BY_MEMBER, "trigger-e1"));

        JsonNode view = onlyOpenedView("trigger-e1");
        assertThat(view.get("callback_id").asString()).isEqualTo(BookModal.EDIT_CALLBACK_ID);
        assertThat(view.get("private_metadata").asString()).isEqualTo("shared-job-1 C0BOOKS");
        assertThat(view.get("title").get("text").asString()).isEqualTo("Edit your book");
        assertThat(initialValue(view, "book_link")).isEqualTo(YES24);
        assertThat(block(view, "category").get("element").get("initial_option").get("value").asString())
                .isEqualTo("소설::SF");
        assertThat(initialValue(view, "reason")).isEqualTo("Read it.");
        assertThat(initialValue(view, "title")).isEqualTo("My title");

        SlackAppClient.Answer saved = slack.send(requests.viewSubmission("U0MEMBER", "V0EDIT1",
                BookModal.EDIT_CALLBACK_ID, "shared-job-1 C0BOOKS",
                new FormValues("https://ridibooks.com/books/1354000126", "소설::고전", "Even better.", null)));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).isEmpty();
        BookJob edit = drain(Stage.ENRICH).getFirst();
        assertThat(edit.kind()).isEqualTo(JobKind.EDIT);
        assertThat(edit.subject()).isEqualTo("shared-job-1");
        assertThat(edit.recommendation().userId()).isEqualTo("U0MEMBER");
        assertThat(edit.recommendation().channelId()).isEqualTo("C0BOOKS");
        assertThat(edit.recommendation().bookUrl()).isEqualTo("https://ridibooks.com/books/1354000126");
        assertThat(edit.recommendation().category()).isEqualTo(new Category("소설", "고전"));
        assertThat(edit.locale()).isEqualTo("en");
    }

    @Test
    void anEditIsCheckedLikeAShare() {
        SlackAppClient.Answer saved = slack.send(requests.viewSubmission("U0MEMBER", "V0EDIT2",
                BookModal.EDIT_CALLBACK_ID, "shared-job-1 C0BOOKS",
                new FormValues("https://www.amazon.com/dp/1", "소설::고전", "Even better.", null)));

        assertThat(json.readTree(saved.body()).get("errors").get("book_link").asString())
                .startsWith("Links from these stores only");
        assertThat(drain(Stage.ENRICH)).isEmpty();
    }

    @Test
    void anEditFormTheGatewayDidNotOpenIsRefused() {
        SlackAppClient.Answer saved = slack.send(requests.viewSubmission("U0MEMBER", "V0EDIT3",
                BookModal.EDIT_CALLBACK_ID, "shared-job-1", new FormValues(YES24, "소설::고전", "Even better.", null)));

        assertThat(saved.status()).isEqualTo(400);
        assertThat(drain(Stage.ENRICH)).isEmpty();
    }

    @Test
    void withdrawQueuesTheWithdrawalForTheWriterAndTellsTheMemberItIsOnItsWay() {
        SlackAppClient.Answer answer = slack.send(requests.messageMenu("U0MEMBER", "C0BOOKS", "1700000000.000400",
                "bookbot_share_menu", "withdraw", SHARED_BY_MEMBER, "trigger-w1"));

        assertThat(answer.status()).isEqualTo(200);
        BookJob withdrawal = drain(Stage.WRITE).getFirst();
        assertThat(withdrawal.kind()).isEqualTo(JobKind.WITHDRAW);
        assertThat(withdrawal.subject()).isEqualTo("shared-job-1");
        assertThat(withdrawal.jobId()).isEqualTo(JobIds.withdrawal(SlackRequests.TEAM_ID, "C0BOOKS",
                "1700000000.000400"));
        assertThat(withdrawal.recommendation().userId()).isEqualTo("U0MEMBER");
        assertThat(withdrawal.recommendation().titleOverride()).isEqualTo("My title");
        await().atMost(Duration.ofSeconds(5)).until(() -> !SLACK.ephemeralPosted().isEmpty());
        assertThat(formOf(SLACK.ephemeralPosted().getFirst()))
                .containsEntry("user", "U0MEMBER")
                .containsEntry("text", "Your book is being withdrawn: its message will say so in a moment.");
        assertThat(SLACK.viewsOpened()).isEmpty();
    }

    @Test
    void theMenuOnAMessageWithoutAShareChangesNothing() {
        slack.send(requests.messageMenu("U0MEMBER", "C0BOOKS", "1700000000.000500", "bookbot_share_menu", "withdraw",
                null, "trigger-n1"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !SLACK.ephemeralPosted().isEmpty());
        assertThat(formOf(SLACK.ephemeralPosted().getFirst()).get("text")).startsWith("This message is not a book");
        assertThat(drain(Stage.WRITE)).isEmpty();
    }

    @Test
    void openingHomeIsAnsweredAtOnceAndQueuesAHomeJobInTheMembersLanguage() {
        SlackAppClient.Answer answer = slack.send(requests.appHomeOpened("U0SEOYEON", "Ev0HOME1", "home"));
        SlackAppClient.Answer messagesTab = slack.send(requests.appHomeOpened("U0SEOYEON", "Ev0HOME2", "messages"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(messagesTab.status()).isEqualTo(200);
        List<BookJob> jobs = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> jobs.addAll(drain(Stage.WRITE)) && !jobs.isEmpty());
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(JobKind.HOME);
            assertThat(job.jobId()).isEqualTo("home-Ev0HOME1");
            assertThat(job.subject()).isEqualTo("U0SEOYEON");
            assertThat(job.locale()).isEqualTo("ko");
        });
        assertThat(drain(Stage.WRITE)).as("the messages tab queues nothing").isEmpty();
    }

    @Test
    void slackChecksTheEventsUrlOnceAndGetsItsChallengeBack() {
        SlackAppClient.Answer answer = slack.send(requests.signJson(
                "{\"token\":\"deprecated\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aKoreanMemberGetsTheKoreanFormErrorsAndJob() {
        slack.send(requests.slashCommand("/book", "U0SEOYEON", "C0BOOKS", "trigger-k1"));
        JsonNode view = onlyOpenedView("trigger-k1");
        assertThat(view.get("title").get("text").asString()).isEqualTo("책을 공유해주세요.");
        assertThat(block(view, "reason").get("label").get("text").asString()).isEqualTo("추천이유");

        SlackAppClient.Answer wrong = slack.send(requests.viewSubmission("U0SEOYEON", "V0K1", BookModal.CALLBACK_ID,
                "C0BOOKS", new FormValues("not a link", "소설::SF", "좋아요", null)));
        assertThat(json.readTree(wrong.body()).get("errors").get("book_link").asString())
                .isEqualTo("유효하지 않은 URL입니다.");

        slack.send(requests.viewSubmission("U0SEOYEON", "V0K1", BookModal.CALLBACK_ID, "C0BOOKS",
                new FormValues(YES24, "소설::SF", "좋아요", null)));
        assertThat(drain(Stage.ENRICH)).singleElement().satisfies(job -> assertThat(job.locale()).isEqualTo("ko"));

        slack.send(requests.messageMenu("U0SEOYEON", "C0BOOKS", "1700000000.000600", "bookbot_share_menu", "edit",
                SHARED_BY_MEMBER, "trigger-k2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !SLACK.ephemeralPosted().isEmpty());
        assertThat(formOf(SLACK.ephemeralPosted().getFirst()).get("text")).isEqualTo("<@U0MEMBER> 님만 바꿀 수 있어요.");
    }

    private JsonNode onlyOpenedView(String triggerId) {
        List<Map<String, String>> opened = SLACK.viewsOpened().stream().map(SlackSurfacesIT::formOf)
                .filter(f -> triggerId.equals(f.get("trigger_id"))).toList();
        assertThat(opened).as("views opened for %s", triggerId).hasSize(1);
        return json.readTree(opened.getFirst().get("view"));
    }

    private static List<String> blockIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.get("blocks").forEach(b -> ids.add(b.get("block_id").asString()));
        return ids;
    }

    private static JsonNode block(JsonNode view, String blockId) {
        for (JsonNode block : view.get("blocks")) {
            if (blockId.equals(block.get("block_id").asString())) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + blockIds(view));
    }

    private static String initialValue(JsonNode view, String blockId) {
        JsonNode value = block(view, blockId).get("element").get("initial_value");
        return value == null ? null : value.asString();
    }

    private List<BookJob> drain(Stage stage) {
        List<BookJob> jobs = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive(topology.queue(stage), 300)) != null) {
            jobs.add(messages.toJob(message));
        }
        return jobs;
    }

    private static Map<String, String> formOf(RecordedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBody().clone().readUtf8().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}

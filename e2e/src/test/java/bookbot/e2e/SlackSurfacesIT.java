package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobCodec;
import bookbot.core.job.JobKind;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.testing.TestBroker;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.OpenedModal;
import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;

/**
 * The gateway's new doors through the packaged services: a message shortcut, the shortcut menu, the Home tab, the
 * menu on a share's channel message, each member in their own Slack language. What the gateway queues for the
 * writer is read off a tap on the write stage's route (a queue of the test's own, bound beside the writer's), so the
 * test holds whether or not the writer already knows edits, withdrawals and Home.
 */
class SlackSurfacesIT extends PipelineTestBase {

    private static final JobMessages MESSAGES = new JobMessages(new JobCodec());
    private static CachingConnectionFactory broker;
    private static RabbitTemplate rabbit;
    private static String tap;

    @BeforeAll
    static void tapTheWriteStage() {
        broker = TestBroker.connectionFactory();
        RabbitAdmin admin = new RabbitAdmin(broker);
        // In the test's namespace, deleted after the last test, and by the broker 10 minutes after its last use
        // should the test die before (an exclusive queue would also go with a dropped connection, mid-test).
        tap = admin.declareQueue(QueueBuilder.nonDurable(pipeline.namespace + ".test-tap.write")
                .expires(600_000).build());
        admin.declareBinding(new Binding(tap, Binding.DestinationType.QUEUE, pipeline.topology.workExchange(),
                Stage.WRITE.inputKey(), null));
        rabbit = new RabbitTemplate(broker);
    }

    @AfterAll
    static void closeTap() {
        if (broker != null) {
            new RabbitAdmin(broker).deleteQueue(tap);
            broker.destroy();
        }
    }

    @Test
    void aMessageSharedWithTheShortcutOpensThePrefilledFormAndIsArchivedAsANormalShare() {
        String kyobo = SampleBooks.KYOBO.form().bookUrl();
        SlackMember alice = pipeline.member("U0ALICE");

        OpenedModal form = alice.shareFromMessage("C0CHAT", "1700000000.000100",
                "Not <https://www.amazon.com/dp/0593135202|this one>, <" + kyobo + "|this one> &amp; read it twice");

        assertThat(form.privateMetadata()).isEqualTo("C0CHAT");
        assertThat(form.initialValue("book_link")).isEqualTo(kyobo);
        assertThat(form.initialValue("reason")).isEqualTo("Not this one, this one & read it twice");
        assertThat(form.blockIds()).doesNotContain("channel");

        SlackAppClient.Answer shared = alice.submit(form.asForm(), new FormValues(form.initialValue("book_link"),
                "컴퓨터/IT::개발/프로그래밍", form.initialValue("reason"), null));

        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.body()).isEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(pipeline.pagesFor(kyobo)).singleElement().satisfies(page -> {
                assertThat(page.reason()).isEqualTo("Not this one, this one & read it twice");
                assertThat(page.recommender()).isEqualTo("Alice Park");
            });
            assertThat(pipeline.messagesLinking(pipeline.pagesFor(kyobo).getFirst().url()))
                    .singleElement().satisfies(m -> assertThat(m.get("channel")).isEqualTo("C0CHAT"));
        });
    }

    @Test
    void theShortcutMenuOpensTheEmptyFormWhichAsksForTheChannel() {
        OpenedModal form = pipeline.member("U0MEMBER").shareFromShortcutMenu();

        assertThat(form.callbackId()).isEqualTo("bookbot_share_book");
        assertThat(form.privateMetadata()).isEmpty();
        assertThat(form.initialValue("book_link")).isNull();
        assertThat(form.initialValue("reason")).isNull();
        assertThat(form.element("channel").get("type")).isEqualTo("conversations_select");
    }

    @Test
    void openingHomeQueuesAHomeJobInTheMembersLanguageAndTheWriterPublishesHomeWithTheLatestBooks() {
        String ridi = SampleBooks.RIDIBOOKS.form().bookUrl();
        pipeline.member("U0SEOYEON").shareBook("/book", SampleBooks.RIDIBOOKS.form());
        await().atMost(Duration.ofSeconds(60)).until(() -> !pipeline.pagesFor(ridi).isEmpty());
        String title = pipeline.pagesFor(ridi).getFirst().title();

        SlackAppClient.Answer answer = pipeline.member("U0SEOYEON").openHome("Ev0E2EHOME1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(SlackAppClient.SLACK_TIMEOUT);
        BookJob home = awaitAtTheWriter(job -> job.jobId().equals("home-Ev0E2EHOME1"));
        assertThat(home.kind()).isEqualTo(JobKind.HOME);
        assertThat(home.subject()).isEqualTo("U0SEOYEON");
        assertThat(home.locale()).isEqualTo("ko");
        await("Home published by the writer").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(String.valueOf(pipeline.sandbox.slackHomeViews().get("U0SEOYEON")))
                        .contains(title).contains("bookbot_share_book"));
    }

    @Test
    void theMenuIsTheSharersOnlyTheyEditThroughTheFilledFormAndWithdrawAnyoneElseIsTold() {
        String aladin = SampleBooks.ALADIN.form().bookUrl();
        SlackMember bob = pipeline.member("U0BOB");
        bob.shareBook("/book", SampleBooks.ALADIN.form());
        await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.pagesFor(aladin).size() == 1
                && !pipeline.messagesLinking(pipeline.pagesFor(aladin).getFirst().url()).isEmpty());
        NotionPageView page = pipeline.pagesFor(aladin).getFirst();
        Map<String, Object> message = pipeline.messagesLinking(page.url()).getFirst();
        String channel = (String) message.get("channel");
        String ts = (String) message.get("ts");
        // The writer's message metadata, as the contract has it (the message carries it once the writer posts it).
        Map<String, Object> metadata = SlackRequests.shareMetadata(page.jobId(), "U0BOB", aladin, "소설", "고전",
                SampleBooks.ALADIN.form().reason(), null);
        drainTap();

        SlackMember.MenuAnswer byAlice = pipeline.member("U0ALICE").pickInShareMenu(channel, ts, "edit", metadata);
        assertThat(byAlice.answer().status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.sandbox.slackEphemeralMessages().stream()
                .anyMatch(m -> "U0ALICE".equals(m.get("user"))));
        assertThat(pipeline.sandbox.slackEphemeralMessages()).filteredOn(m -> "U0ALICE".equals(m.get("user")))
                .singleElement().satisfies(m -> assertThat(m.get("text")).isEqualTo("Only <@U0BOB> can change this."));
        assertThat(pipeline.member("U0ALICE").modalOpenedFor(byAlice.triggerId())).isEmpty();
        // The gateway publishes (confirmed) before it answers: anything it queued for this press is in the tap now.
        assertThat(drainTap()).as("jobs queued by someone else's press")
                .noneMatch(job -> page.jobId().equals(job.subject()));

        SlackMember.MenuAnswer byBob = bob.pickInShareMenu(channel, ts, "edit", metadata);
        OpenedModal edit = bob.modalOpenedFor(byBob.triggerId()).orElseThrow();
        assertThat(edit.callbackId()).isEqualTo("book_edit");
        assertThat(edit.title()).isEqualTo("Edit your book");
        assertThat(edit.initialValue("book_link")).isEqualTo(aladin);
        assertThat(edit.initialValue("category")).isEqualTo("소설::고전");
        assertThat(edit.initialValue("reason")).isEqualTo(SampleBooks.ALADIN.form().reason());

        SlackAppClient.Answer saved = bob.submit(edit.asForm(), new FormValues(aladin, "소설::고전",
                "Even better the second time.", "Demian"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).isEmpty();
        BookJob edited = awaitAtTheWriter(job -> job.kind() == JobKind.EDIT
                && page.jobId().equals(job.subject()));
        assertThat(edited.subject()).isEqualTo(page.jobId());
        assertThat(edited.recommendation().userId()).isEqualTo("U0BOB");
        assertThat(edited.recommendation().channelId()).isEqualTo(channel);
        assertThat(edited.recommendation().reason()).isEqualTo("Even better the second time.");
        assertThat(edited.recommendation().titleOverride()).isEqualTo("Demian");
        assertThat(edited.book()).as("looked up again by the enrich stage").isNotNull();

        assertThat(bob.pickInShareMenu(channel, ts, "withdraw", metadata).answer().status()).isEqualTo(200);
        BookJob withdrawn = awaitAtTheWriter(job -> job.kind() == JobKind.WITHDRAW
                && page.jobId().equals(job.subject()));
        assertThat(withdrawn.subject()).isEqualTo(page.jobId());
        assertThat(withdrawn.recommendation().userId()).isEqualTo("U0BOB");
        await().atMost(Duration.ofSeconds(10)).until(() -> pipeline.sandbox.slackEphemeralMessages().stream()
                .anyMatch(m -> "U0BOB".equals(m.get("user"))
                        && String.valueOf(m.get("text")).startsWith("Your book is being withdrawn")));
    }

    @Test
    void aKoreanMemberGetsTheFormInKorean() {
        SlackMember seoyeon = pipeline.member("U0SEOYEON");

        OpenedModal form = seoyeon.shareFromShortcutMenu();

        assertThat(form.title()).isEqualTo("책을 공유해주세요.");
        assertThat(form.label("reason")).isEqualTo("추천이유");
        assertThat(form.label("channel")).isEqualTo("채널");
    }

    private static BookJob awaitAtTheWriter(Predicate<BookJob> wanted) {
        List<BookJob> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            seen.addAll(drainTap());
            return seen.stream().anyMatch(wanted);
        });
        return seen.stream().filter(wanted).findFirst().orElseThrow();
    }

    private static List<BookJob> drainTap() {
        List<BookJob> jobs = new ArrayList<>();
        Message message;
        while ((message = rabbit.receive(tap, 200)) != null) {
            jobs.add(MESSAGES.toJob(message));
        }
        return jobs;
    }
}

package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.core.job.BookJob;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.Stage;
import bookbot.core.testing.TestBroker;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;
import bookbot.sandbox.launch.Ports;
import bookbot.sandbox.launch.Service;
import bookbot.sandbox.launch.ServiceProcess;

/**
 * What happens to a book when things go wrong, with the services as separate processes on a real broker:
 * failures that pass are retried without a storm, failures that do not are dead-lettered and the member is
 * told, and a job delivered more than once — or submitted again after a "not saved" whose publish did reach the
 * broker — still makes one page and one message.
 */
class ReliabilityIT extends PipelineTestBase {

    /** The confirm timeout of the gateway that meets a late confirm: its broker's answers come later than this. */
    private static final Duration LATE_CONFIRM = Duration.ofMillis(500);

    @BeforeEach
    void resetSandbox() {
        pipeline.sandbox.reset();
    }

    /** No copy of this test's jobs waits to come back in the next one. */
    @AfterEach
    void awaitNoCopyWaiting() {
        pipeline.awaitNoCopyWaiting();
    }

    @Test
    void aRevokedNotionTokenDeadLettersTheBookAtOnceAndTellsTheMember() {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(true));
        FormValues form = TestBooks.form("https://ridibooks.com/books/1000000001");

        pipeline.member("U0ALICE").shareBook("/book", form);

        Message dead = pipeline.awaitDeadLetter(m -> body(m).contains(form.bookUrl()), Duration.ofSeconds(30));
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_REASON)).isEqualTo("notion-unauthorized");
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_STAGE)).isEqualTo("write");
        assertThat(dead.getMessageProperties().<Integer>getHeader(JobHeaders.ATTEMPT)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(pipeline.sandbox.slackEphemeralMessages()).singleElement().satisfies(notice -> {
                    assertThat(notice.get("user")).isEqualTo("U0ALICE");
                    assertThat(notice.get("channel")).isEqualTo(SlackRequests.CHANNEL_ID);
                    assertThat((String) notice.get("text")).contains(form.bookUrl()).contains("not be saved");
                }));
        assertThat(pipeline.pagesFor(form.bookUrl())).isEmpty();
    }

    @Test
    void aRateLimitIsWaitedOutForAsLongAsRetryAfterSaysWithoutARetryStorm() {
        pipeline.sandbox.change(Fake.OPENGRAPH, KnobChange.of().rateLimitRate(1.0).retryAfterSeconds(5));
        FormValues form = TestBooks.form("https://ridibooks.com/books/1000000002");
        Instant shared = Instant.now();

        pipeline.member("U0BOB").shareBook("/book", form);
        await().atMost(Duration.ofSeconds(10)).until(() -> openGraph("rate-limited") == 1);
        pipeline.sandbox.change(Fake.OPENGRAPH, KnobChange.of().rateLimitRate(0.0));

        await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.pagesFor(form.bookUrl()).stream()
                .anyMatch(page -> page.slackMessage().startsWith("posted")));
        assertThat(Duration.between(shared, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(openGraph("calls")).isEqualTo(2);
    }

    @Test
    void flakyServicesCostRetriesNotBooks() {
        pipeline.sandbox.failNext(Fake.NOTION, 3);
        pipeline.sandbox.failNext(Fake.OPENGRAPH, 2);
        List<FormValues> books = List.of(TestBooks.form("https://ridibooks.com/books/1000000003"),
                TestBooks.form("https://ridibooks.com/books/1000000004"), TestBooks.form("https://ridibooks.com/books/1000000005"));

        books.forEach(form -> pipeline.member("U0MEMBER").shareBook("/book", form));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> books.forEach(form -> {
            List<NotionPageView> pages = pipeline.pagesFor(form.bookUrl());
            assertThat(pages).hasSize(1);
            assertThat(pipeline.messagesLinking(pages.getFirst().url())).hasSize(1);
        }));
        assertThat(pipeline.sandbox.stats().get("NOTION").get("server-error")).isEqualTo(3);
        assertThat(pipeline.sandbox.stats().get("OPENGRAPH").get("server-error")).isEqualTo(2);
    }

    @Test
    void aJobDeliveredAgainAfterItWasAnnouncedChangesNothing() {
        BookJob job = TestBooks.enrichedJob("https://ridibooks.com/books/1000000006");
        pipeline.deliver(Stage.WRITE, job);
        await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.pagesFor(job.recommendation().bookUrl()).size() == 1
                && !pipeline.messagesLinking(pipeline.pagesFor(job.recommendation().bookUrl()).getFirst().url()).isEmpty());

        pipeline.deliver(Stage.WRITE, job);

        // The second copy may find the first's lock still lingering and come back after a retry delay.
        pipeline.awaitNoCopyWaiting();
        // Trashed pages count too: a second page created and then archived would show here.
        List<NotionPageView> pages = pipeline.pagesFor(job.recommendation().bookUrl());
        assertThat(pages).hasSize(1);
        assertThat(pages.getFirst().archived()).isFalse();
        assertThat(pipeline.messagesLinking(pages.getFirst().url())).hasSize(1);
    }

    @Test
    void aPageWhoseMessageFailedIsAnnouncedOnceWhenSlackIsBack() {
        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().serverErrorRate(1.0));
        BookJob job = TestBooks.enrichedJob("https://ridibooks.com/books/1000000007");

        pipeline.deliver(Stage.WRITE, job);
        await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.pagesFor(job.recommendation().bookUrl()).size() == 1
                && pipeline.sandbox.stats().get("SLACK").get("server-error") >= 2);
        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().serverErrorRate(0.0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<NotionPageView> pages = pipeline.pagesFor(job.recommendation().bookUrl());
            assertThat(pages).hasSize(1);
            assertThat(pipeline.messagesLinking(pages.getFirst().url())).hasSize(1);
        });
    }

    @Test
    void aPoisonMessageIsDeadLetteredInOneAttemptAndTheBooksBehindItStillArrive() {
        pipeline.deliverRaw(Stage.ENRICH, MessageBuilder.withBody("not a job".getBytes(StandardCharsets.UTF_8))
                .setMessageId("poison-1").build());
        FormValues form = TestBooks.form("https://ridibooks.com/books/1000000008");
        pipeline.member("U0MEMBER").shareBook("/book", form);

        Message dead = pipeline.awaitDeadLetter(m -> "poison-1".equals(m.getMessageProperties().getMessageId()),
                Duration.ofSeconds(20));
        assertThat(body(dead)).isEqualTo("not a job");
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_REASON)).isEqualTo("malformed-job");
        assertThat(dead.getMessageProperties().<Integer>getHeader(JobHeaders.ATTEMPT)).isEqualTo(1);
        // Done when the page notes its message: the writer's last step, so nothing of this job runs on into the
        // next test.
        await().atMost(Duration.ofSeconds(20)).until(() -> pipeline.pagesFor(form.bookUrl()).stream()
                .anyMatch(page -> page.slackMessage().startsWith("posted")));
    }

    @Test
    void aWriterStoppedWithSigtermUnderLoadExitsZeroAndLosesOrRepeatsNothing() {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().latencyMs(150));
        List<FormValues> books = IntStream.range(0, 12)
                .mapToObj(i -> TestBooks.form("https://ridibooks.com/books/20000000" + String.format("%02d", i))).toList();
        books.forEach(form -> pipeline.member("U0SEOYEON").shareBook("/book", form));
        await().atMost(Duration.ofSeconds(20)).until(() -> !pipeline.pages().isEmpty());

        OptionalInt exit = pipeline.process(Service.NOTION_WRITER).terminate(Duration.ofSeconds(40));
        assertThat(exit).hasValue(0);
        pipeline.startAnother(Service.NOTION_WRITER);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> books.forEach(form -> {
            List<NotionPageView> pages = pipeline.pagesFor(form.bookUrl());
            assertThat(pages).as(form.bookUrl()).hasSize(1);
            assertThat(pipeline.messagesLinking(pages.getFirst().url())).hasSize(1);
        }));
    }

    @Test
    void sharePressedAgainAfterALateConfirmIsArchivedOnce() {
        FormValues form = TestBooks.form("https://ridibooks.com/books/1000000009");
        try (SlowBrokerLink link = SlowBrokerLink.to(TestBroker.address());
                ServiceProcess gateway = gatewayThrough(link)) {
            SlackMember member = pipeline.member("U0ALICE", gateway);
            SlackMember.OpenedForm opened = member.openForm("/book");

            link.answerLate(LATE_CONFIRM.multipliedBy(4));
            SlackAppClient.Answer notSaved = member.submit(opened, form);

            assertThat(notSaved.body()).contains("Not saved").contains("press Share again");
            assertThat(notSaved.took()).isLessThan(SlackAppClient.SLACK_TIMEOUT);
            // The broker had the job all the same.
            await().atMost(Duration.ofSeconds(30)).until(() -> pipeline.pagesFor(form.bookUrl()).stream()
                    .anyMatch(page -> page.slackMessage().startsWith("posted")));

            link.answerAtOnce();
            SlackAppClient.Answer saved = member.submit(opened, form);

            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.body()).isEmpty();
            // The second copy has reached the writer once Notion had a seventh call: for the first copy, query by job
            // and by book, create, look again by job and by book, remember the message; the second's query by job
            // finds its page announced.
            await().atMost(Duration.ofSeconds(30)).until(() -> notion("calls") >= 7);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                List<NotionPageView> pages = pipeline.pagesFor(form.bookUrl());
                assertThat(pages).hasSize(1);
                assertThat(pipeline.messagesLinking(pages.getFirst().url())).hasSize(1);
            });
            assertThat(notion("calls")).isEqualTo(7);
        }
    }

    /** A second gateway, whose broker connection runs through {@code link} and which waits briefly for confirms. */
    private static ServiceProcess gatewayThrough(SlowBrokerLink link) {
        Map<String, String> environment = new HashMap<>(link.environment());
        environment.put("SERVER_PORT", String.valueOf(Ports.free()));
        environment.put("BOOKBOT_AMQP_CONFIRM_TIMEOUT", LATE_CONFIRM.toMillis() + "ms");
        return pipeline.startAnother(Service.GATEWAY, environment);
    }

    private long notion(String outcome) {
        return pipeline.sandbox.stats().get("NOTION").get(outcome);
    }

    private static String body(Message message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private long openGraph(String outcome) {
        return pipeline.sandbox.stats().get("OPENGRAPH").get(outcome);
    }
}

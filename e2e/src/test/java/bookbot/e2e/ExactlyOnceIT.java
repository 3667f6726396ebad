package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.core.job.BookJob;
import bookbot.core.messaging.Stage;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.launch.BrokerControl;
import bookbot.sandbox.launch.Service;

/**
 * One page and one channel message per book under the faults that make a job run twice or make its first
 * effect invisible: a bot that was never invited to the channel, Notion answers that never arrive, slow creates
 * and a lagging query, and a writer's broker connection closed while it creates the page, with a second writer
 * there to take the job at once (its lock holds: the copy waits), or with the writer's lock connection closed
 * too (the second look after creating settles it); and the same job handed to two writer processes at once (the
 * enrich-worker published its outcome twice). Two writers run throughout, one consumer each, so that two copies
 * delivered together go to different processes; a writer's claim on announcing a page lasts 15 s here (3 min by
 * default), so that a job waiting for another copy's claim comes back within the test. A test ends when no copy
 * of its jobs waits any more, so that none runs into the next test.
 */
class ExactlyOnceIT {

    private static TestPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = TestPipeline.start(Map.of("BOOKBOT_WRITER_ANNOUNCE_CLAIM", "15s", "BOOKBOT_WORKER_CONCURRENCY", "1"));
        pipeline.startAnother(Service.NOTION_WRITER);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @BeforeEach
    void resetSandbox() {
        pipeline.sandbox.reset();
    }

    @Test
    void aBotThatWasNeverInvitedAnnouncesARedeliveredJobOnceAndDeadLettersNothing() {
        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().notInChannel(true));
        BookJob job = TestBooks.enrichedJob("https://ridibooks.com/books/3000000001");
        pipeline.deliver(Stage.WRITE, job);
        await().atMost(Duration.ofSeconds(20)).until(() -> announcedOnce(job.recommendation().bookUrl()));

        pipeline.deliver(Stage.WRITE, job);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> announcedOnce(job.recommendation().bookUrl()));
        assertThat(pipeline.deadLetters().size()).as("dead letters").isZero();
    }

    @Test
    void lostCreateAnswersSlowCreatesAndALaggingQueryStillMakeOnePageAndOneMessagePerBook() {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().lostCreateRate(0.5).createLatencyMs(800).queryLagMs(1500));
        List<FormValues> books = IntStream.range(0, 6)
                .mapToObj(i -> TestBooks.form("https://ridibooks.com/books/31000000" + i)).toList();

        books.forEach(form -> pipeline.member("U0MEMBER").shareBook("/book", form));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> books.forEach(form -> {
            List<NotionPageView> pages = pipeline.pagesFor(form.bookUrl());
            assertThat(pages).as(form.bookUrl()).hasSize(1);
            assertThat(pipeline.messagesLinking(pages.getFirst().url())).as(form.bookUrl()).hasSize(1);
        }));
        assertThat(pipeline.sandbox.stats().get("NOTION").get("lost-answer")).as("create answers lost").isPositive();
        assertThat(pipeline.deadLetters().size()).as("dead letters").isZero();
    }

    /**
     * The broker drops the connection a writer took the job on, while it creates the page, and hands the job to
     * the other writer at once. The first writer's lock is on a connection of its own and holds: the copy waits
     * (job-in-progress) instead of making a page of its own, and comes back to find the job done.
     */
    @Test
    void aConnectionClosedMidCreateLeavesTheJobToItsWriterWhileTheSecondWriterWaits() {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().createLatencyMs(6000));
        BookJob job = TestBooks.enrichedJob("https://ridibooks.com/books/3200000001");
        pipeline.deliver(Stage.WRITE, job);
        await().atMost(Duration.ofSeconds(10)).until(() -> notionCalls() >= 2);

        int closed = BrokerControl.local().closeConnectionsHoldingDeliveriesFrom(pipeline.topology.queue(Stage.WRITE));

        assertThat(closed).as("connections closed while their writer created the page").isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(3))
                .until(() -> announcedOnce(job.recommendation().bookUrl()));
        assertThat(pipeline.sandbox.notionPagesFrom(0)).as("pages ever created, the trash included").hasSize(1);
    }

    /**
     * What the lock does not cover: the writer loses its lock's connection too (a network blip reaches every
     * connection of a process), keeps creating, and the other writer takes the redelivered copy and makes a page
     * of its own. The second look after creating makes both keep the same page; one message.
     */
    @Test
    void aWriterWhoseLockWentWithItsConnectionsMidCreateStillEndsWithOnePageAndOneMessage() {
        // Long: rabbitmqctl takes seconds on a busy machine, and both connections must close mid-create.
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().createLatencyMs(15000));
        BookJob job = TestBooks.enrichedJob("https://ridibooks.com/books/3200000002");
        pipeline.deliver(Stage.WRITE, job);
        await().atMost(Duration.ofSeconds(10)).until(() -> notionCalls() >= 2);

        // JobFence's name for the job's lock.
        boolean lockDropped = BrokerControl.local().closeConnectionOwning(pipeline.topology.namespace() + ".writing."
                + job.jobId());
        int closed = BrokerControl.local().closeConnectionsHoldingDeliveriesFrom(pipeline.topology.queue(Stage.WRITE));

        assertThat(lockDropped).as("the writer's lock connection closed").isTrue();
        assertThat(closed).as("connections closed while their writer created the page").isEqualTo(1);
        await("the second writer made a page of its own too").atMost(Duration.ofSeconds(60))
                .until(() -> pipeline.sandbox.notionPagesFrom(0).size() == 2);
        await().atMost(Duration.ofSeconds(90)).during(Duration.ofSeconds(3))
                .until(() -> announcedOnce(job.recommendation().bookUrl()));
    }

    /**
     * The enrich-worker's connection closed after it published the outcome and before it acknowledged: the job
     * is on the write queue twice, and each writer takes a copy. Each would find no page (Notion's query lags
     * 1.5 s) and create one (2 s), and neither page would show in the other's second look in time. With the lock
     * the second copy waits, and the lock lingers after the write (3 s by default) until the query shows the
     * page: the copy finds it and makes none.
     */
    @Test
    void theSameJobDeliveredTwiceAtOnceToTwoWritersMakesOnePageAndOneMessage() {
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().createLatencyMs(2000).queryLagMs(1500));
        BookJob job = TestBooks.enrichedJob("https://ridibooks.com/books/3300000001");

        pipeline.deliverAll(Stage.WRITE, List.of(job, job));

        String bookUrl = job.recommendation().bookUrl();
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(pipeline.pagesFor(bookUrl)).as("pages (not in the trash)").hasSize(1);
            assertThat(messagesAbout(bookUrl)).as("channel messages").hasSize(1);
        });
        assertThat(messagesAbout(bookUrl).getFirst().get("text").toString())
                .contains(pipeline.pagesFor(bookUrl).getFirst().url());
        assertThat(pipeline.sandbox.notionPagesFrom(0)).as("pages ever created, the trash included").hasSize(1);
        assertThat(pipeline.deadLetters()).as("dead letters").isEmpty();
    }

    private List<Map<String, Object>> messagesAbout(String bookUrl) {
        return pipeline.sandbox.slackMessages().stream()
                .filter(message -> String.valueOf(message.get("text")).contains(bookUrl)).toList();
    }

    /**
     * Nothing in the write queue or a retry tier for a while: no copy of this test's jobs (one that waited for a
     * lock or a claim) comes back after the sandbox was reset for the next test, to find no page and make one.
     */
    @AfterEach
    void awaitNoCopyWaiting() {
        pipeline.awaitNoCopyWaiting();
    }

    private boolean announcedOnce(String bookUrl) {
        List<NotionPageView> pages = pipeline.pagesFor(bookUrl);
        return pages.size() == 1 && pipeline.messagesLinking(pages.getFirst().url()).size() == 1;
    }

    private long notionCalls() {
        return pipeline.sandbox.stats().get("NOTION").get("calls");
    }
}

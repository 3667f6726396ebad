package bookbot.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.Jobs;
import bookbot.core.testing.RealBroker;
import bookbot.core.worker.StageHandler;
import bookbot.core.worker.WorkerConfig;

/**
 * Dead letters made by a real enrich worker on a real broker, listed, replayed and discarded the way admins do.
 * Links containing "unauthorized" fail like a revoked OpenGraph.io key, "bad" like a link it cannot read.
 */
@SpringBootTest(properties = "bookbot.worker.concurrency=2")
@RealBroker
class DeadLettersIT {

    @Autowired
    DeadLetters deadLetters;
    @Autowired
    FailingEnricher enricher;
    @Autowired
    ConfirmedPublisher publisher;
    @Autowired
    JobMessages messages;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin admin;
    @Autowired
    Topology topology;

    @Autowired
    LegacyDeadLetterQueue legacyQueue;
    @Autowired
    BrokerConnections connections;

    @BeforeEach
    void noOpenDeadLetters() {
        enricher.failing.set(true);
        deadLetters.discard(Selection.all(), false, "the previous test's", "test", DeadLetters.Progress.NONE);
        admin.purgeQueue(topology.queue(Stage.WRITE), false);
    }

    @Test
    void listsWhyEachJobDiedAndWhose() {
        BookJob revoked = kill("https://www.yes24.com/Product/Goods/1?unauthorized");
        kill("https://www.yes24.com/Product/Goods/2?unauthorized");
        kill("https://www.yes24.com/Product/Goods/3?bad");

        DeadLetterListing listing = deadLetters.list(DeadLetterFilter.NONE, 100);

        assertThat(listing.total()).isEqualTo(3);
        assertThat(listing.countsByReason()).containsExactly(Map.entry("opengraph-unauthorized", 2),
                Map.entry("opengraph-bad-request", 1));
        DeadLetter first = listing.deadLetters().getFirst();
        assertThat(first.id()).matches("[0-9a-f]{12}");
        assertThat(first.jobId()).isEqualTo(revoked.jobId());
        assertThat(first.link()).isEqualTo(revoked.recommendation().bookUrl());
        assertThat(first.title()).isEqualTo(revoked.displayTitle());
        assertThat(first.member()).isEqualTo("U0MEMBER");
        assertThat(first.stage()).isEqualTo("enrich");
        assertThat(first.error()).contains("OpenGraph.io answered 401");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.firstFailedAt()).isNotNull().isEqualTo(first.lastFailedAt());
        assertThat(first.replays()).isZero();
    }

    @Test
    void listingLeavesTheQueueAsItWasHoweverOftenAdminsLook() {
        kill("https://www.yes24.com/Product/Goods/1?bad");
        kill("https://www.yes24.com/Product/Goods/2?bad");
        kill("https://www.yes24.com/Product/Goods/3?bad");
        List<String> before = ids(deadLetters.list(DeadLetterFilter.NONE, 100));

        for (int look = 0; look < 30; look++) {
            deadLetters.list(DeadLetterFilter.NONE, 100);
        }

        assertThat(ids(deadLetters.list(DeadLetterFilter.NONE, 100))).containsExactlyElementsOf(before);
        assertThat(readyDeadLetters()).isEqualTo(3);
    }

    @Test
    void listsPageByPageInTheOrderOfDeath() {
        for (int i = 0; i < 5; i++) {
            kill("https://www.yes24.com/Product/Goods/" + i + "?bad");
        }
        List<String> all = ids(deadLetters.list(DeadLetterFilter.NONE, 100));

        DeadLetterListing first = deadLetters.list(DeadLetterFilter.NONE, 2);
        DeadLetterListing second = deadLetters.list(DeadLetterFilter.NONE, 2, first.next());
        DeadLetterListing third = deadLetters.list(DeadLetterFilter.NONE, 2, second.next());

        assertThat(first.total()).isEqualTo(5);
        assertThat(third.next()).as("the last page says so").isNull();
        List<String> paged = new ArrayList<>(ids(first));
        paged.addAll(ids(second));
        paged.addAll(ids(third));
        assertThat(paged).containsExactlyElementsOf(all);
        assertThatThrownBy(() -> deadLetters.list(DeadLetterFilter.NONE, 2, "page two"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a page cursor");
    }

    @Test
    void theOldDeadLetterQueueIsMovedIntoTheLogWithItsIds() throws Exception {
        String legacy = topology.legacyDeadLetterQueue();
        admin.declareQueue(QueueBuilder.durable(legacy).build());
        admin.declareBinding(new Binding(legacy, Binding.DestinationType.QUEUE, topology.deadLetterExchange(), "", null));
        Message ours = latecomer();
        Message brokers = messages.toMessage(Jobs.submitted());
        brokers.getMessageProperties().setHeader("x-death", List.of(Map.of("queue", topology.queue(Stage.WRITE),
                "reason", "delivery_limit", "count", 1L)));
        rabbit.send("", legacy, brokers);
        String brokersId = DeadLetterIds.of(await().atMost(Duration.ofSeconds(10)).until(() -> rabbit.receive(legacy),
                java.util.Objects::nonNull));
        rabbit.send("", legacy, brokers);
        rabbit.send("", legacy, ours);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.getQueueInfo(legacy).getMessageCount() == 2);

        assertThat(legacyQueue.moveIntoLog()).isEqualTo(2);

        assertThat(admin.getQueueInfo(legacy)).as("the old queue").isNull();
        assertThat(deadLetters.list(DeadLetterFilter.NONE, 100).deadLetters()).extracting(DeadLetter::id)
                .containsExactlyInAnyOrder(DeadLetterIds.of(ours), brokersId);
        assertThat(deadLetters.list(DeadLetterFilter.NONE, 100).deadLetters()).extracting(DeadLetter::stage)
                .containsExactlyInAnyOrder("enrich", "write");
        assertThat(legacyQueue.moveIntoLog()).as("a second start finds nothing to move").isZero();
    }

    @Test
    void aDecidedDeadLetterStaysInTheLogAsTheRecordOfWhatHappened() {
        kill("https://www.yes24.com/Product/Goods/1?bad");
        String id = deadLetters.list(DeadLetterFilter.NONE, 1).deadLetters().getFirst().id();

        deadLetters.discard(Selection.byIds(Set.of(id)), false, "a duplicate", "alice", DeadLetters.Progress.NONE);

        assertThat(deadLetters.show(id)).as("no longer open").isEmpty();
        CachingConnectionFactory factory = connections.open("test", CachingConnectionFactory.ConfirmType.NONE);
        try (DeadLetterLog log = new DeadLetterLog(factory, topology, Duration.ofSeconds(5))) {
            List<String> logged = new ArrayList<>();
            log.readLetters(entry -> logged.add(DeadLetterIds.of(entry.message())));
            assertThat(logged).contains(id);
            assertThat(log.openLetters()).extracting(entry -> DeadLetterIds.of(entry.message())).doesNotContain(id);
        } finally {
            factory.destroy();
        }
    }

    @Test
    void filtersByStageReasonTextAndAge() {
        kill("https://www.yes24.com/Product/Goods/1?unauthorized");
        kill("https://www.yes24.com/Product/Goods/2?bad");

        assertThat(deadLetters.list(new DeadLetterFilter(null, "401", null, null), 100).matching()).isEqualTo(1);
        assertThat(deadLetters.list(new DeadLetterFilter(null, "OPENGRAPH", null, null), 100).matching()).isEqualTo(2);
        assertThat(deadLetters.list(new DeadLetterFilter("write", null, null, null), 100).matching()).isZero();
        assertThat(deadLetters.list(new DeadLetterFilter("enrich", null, null, null), 100).matching()).isEqualTo(2);
        assertThat(deadLetters.list(new DeadLetterFilter(null, null, Duration.ofHours(1), null), 100).matching()).isZero();
        assertThat(deadLetters.list(new DeadLetterFilter(null, null, null, Duration.ofHours(1)), 100).matching()).isEqualTo(2);
        assertThat(deadLetters.list(DeadLetterFilter.NONE, 1).deadLetters()).hasSize(1);
    }

    @Test
    void showsOneDeadLetterWhole() {
        BookJob job = kill("https://www.yes24.com/Product/Goods/1?bad");
        String id = deadLetters.list(DeadLetterFilter.NONE, 1).deadLetters().getFirst().id();

        DeadLetterDetail detail = deadLetters.show(id).orElseThrow();

        assertThat(detail.routingKey()).isEqualTo("submitted");
        assertThat(detail.payload().toString()).contains(job.jobId(), job.recommendation().reason());
        assertThat(detail.headers()).containsEntry(JobHeaders.DEAD_REASON, "opengraph-bad-request")
                .containsEntry(JobHeaders.DEAD_STAGE, "enrich").containsKey(JobHeaders.DEAD_WORKER);
        assertThat(detail.history()).isEmpty();
        assertThat(deadLetters.show("000000000000")).isEmpty();
        assertThat(readyDeadLetters()).isEqualTo(1);
    }

    @Test
    void replaySendsTheSameJobBackToTheStageThatFailedAndOnlyThenClosesIt() {
        BookJob revoked = kill("https://www.yes24.com/Product/Goods/1?unauthorized");
        kill("https://www.yes24.com/Product/Goods/2?bad");
        enricher.failing.set(false);

        BatchReport dryRun = deadLetters.replay(Selection.matching(new DeadLetterFilter(null, "401", null, null)),
                true, 0, "alice", DeadLetters.Progress.NONE);
        assertThat(dryRun.matched()).isEqualTo(1);
        assertThat(dryRun.done()).isZero();
        assertThat(readyDeadLetters()).isEqualTo(2);

        BatchReport report = deadLetters.replay(Selection.matching(new DeadLetterFilter(null, "401", null, null)),
                false, 0, "alice", DeadLetters.Progress.NONE);

        assertThat(report.complete()).isTrue();
        assertThat(report.done()).isEqualTo(1);
        Message passedOn = rabbit.receive(topology.queue(Stage.WRITE), 10_000);
        assertThat(passedOn).isNotNull();
        assertThat(messages.toJob(passedOn).jobId()).isEqualTo(revoked.jobId());
        assertThat(deadLetters.list(DeadLetterFilter.NONE, 100).deadLetters())
                .extracting(DeadLetter::reason).containsExactly("opengraph-bad-request");
    }

    @Test
    void aReplayedJobThatDiesAgainComesBackWithItsHistory() {
        BookJob job = kill("https://www.yes24.com/Product/Goods/1?unauthorized");
        String firstId = deadLetters.list(DeadLetterFilter.NONE, 1).deadLetters().getFirst().id();

        deadLetters.replay(Selection.byIds(Set.of(firstId)), false, 0, "alice", DeadLetters.Progress.NONE);
        awaitDeadLetters(1);

        DeadLetter again = deadLetters.list(DeadLetterFilter.NONE, 1).deadLetters().getFirst();
        assertThat(again.jobId()).isEqualTo(job.jobId());
        assertThat(again.id()).isNotEqualTo(firstId);
        assertThat(again.replays()).isEqualTo(1);
        assertThat(again.attempts()).isEqualTo(1);
        PastDeath past = deadLetters.show(again.id()).orElseThrow().history().getFirst();
        assertThat(past.deadLetterId()).isEqualTo(firstId);
        assertThat(past.reason()).isEqualTo("opengraph-unauthorized");
        assertThat(past.replayedBy()).isEqualTo("alice");
        assertThat(past.replayedAt()).isAfterOrEqualTo(past.lastFailedAt());
    }

    @Test
    void replayingAllTakesASnapshotThatLaterDeadLettersStayOutOf() {
        for (int i = 0; i < 4; i++) {
            kill("https://www.yes24.com/Product/Goods/" + i + "?bad");
        }
        enricher.failing.set(false);
        AtomicBoolean arrived = new AtomicBoolean();
        DeadLetters.Progress lateArrival = (done, of) -> {
            if (arrived.compareAndSet(false, true)) {
                rabbit.send(topology.deadLetterExchange(), "", latecomer());
            }
        };

        BatchReport report = deadLetters.replay(Selection.all(), false, 8, "alice", lateArrival);

        assertThat(report.examined()).isEqualTo(4);
        assertThat(report.done()).isEqualTo(4);
        assertThat(deadLetters.list(DeadLetterFilter.NONE, 100).deadLetters())
                .extracting(DeadLetter::reason).containsExactly("arrived-late");
    }

    @Test
    void aReplayTheBrokerDoesNotConfirmLeavesEveryDeadLetterInPlace() {
        kill("https://www.yes24.com/Product/Goods/1?bad");
        kill("https://www.yes24.com/Product/Goods/2?bad");
        List<String> before = ids(deadLetters.list(DeadLetterFilter.NONE, 100));
        Binding submitted = new Binding(topology.queue(Stage.ENRICH), Binding.DestinationType.QUEUE,
                topology.workExchange(), Stage.ENRICH.inputKey(), null);
        admin.removeBinding(submitted);
        try {
            BatchReport report = deadLetters.replay(Selection.all(), false, 0, "alice", DeadLetters.Progress.NONE);

            assertThat(report.complete()).isFalse();
            assertThat(report.done()).isZero();
            assertThat(report.stoppedBecause()).contains("did not take the replay", "no queue");
        } finally {
            admin.declareBinding(submitted);
        }
        assertThat(ids(deadLetters.list(DeadLetterFilter.NONE, 100))).containsExactlyElementsOf(before);
    }

    @Test
    void discardClosesOnlyWhatWasPickedAndNeedsAReason() {
        kill("https://www.yes24.com/Product/Goods/1?bad");
        kill("https://www.yes24.com/Product/Goods/2?unauthorized");
        kill("https://www.yes24.com/Product/Goods/3?bad");
        List<String> before = ids(deadLetters.list(DeadLetterFilter.NONE, 100));
        Selection unauthorized = Selection.matching(new DeadLetterFilter(null, "unauthorized", null, null));

        assertThatThrownBy(() -> deadLetters.discard(unauthorized, false, " ", "alice", DeadLetters.Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        BatchReport report = deadLetters.discard(unauthorized, false, "submitted again by hand", "alice",
                DeadLetters.Progress.NONE);

        assertThat(report.done()).isEqualTo(1);
        assertThat(ids(deadLetters.list(DeadLetterFilter.NONE, 100))).containsExactly(before.get(0), before.get(2));
    }

    private BookJob kill(String url) {
        int before = readyDeadLetters();
        BookJob job = Jobs.submitted(url);
        publisher.publish(topology.workExchange(), Stage.ENRICH.inputKey(), messages.toMessage(job));
        awaitDeadLetters(before + 1);
        return job;
    }

    private void awaitDeadLetters(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> readyDeadLetters() == count);
    }

    private int readyDeadLetters() {
        return deadLetters.list(DeadLetterFilter.NONE, 0).total();
    }

    private Message latecomer() {
        Message message = messages.toMessage(Jobs.submitted());
        message.getMessageProperties().setHeader(JobHeaders.DEAD_LETTER_ID, DeadLetterIds.newId());
        message.getMessageProperties().setHeader(JobHeaders.DEAD_STAGE, "enrich");
        message.getMessageProperties().setHeader(JobHeaders.DEAD_REASON, "arrived-late");
        return message;
    }

    private static List<String> ids(DeadLetterListing listing) {
        return new ArrayList<>(listing.deadLetters().stream().map(DeadLetter::id).toList());
    }

    static class FailingEnricher implements StageHandler {
        final AtomicBoolean failing = new AtomicBoolean(true);

        @Override
        public Stage stage() {
            return Stage.ENRICH;
        }

        @Override
        public Optional<BookJob> handle(BookJob job) {
            String url = job.recommendation().bookUrl();
            if (failing.get() && url.contains("unauthorized")) {
                throw new PermanentFailure("opengraph-unauthorized", "OpenGraph.io answered 401: invalid app_id", null);
            }
            if (failing.get()) {
                throw new PermanentFailure("opengraph-bad-request", "OpenGraph.io answered 400: cannot read " + url, null);
            }
            return Optional.of(job.enriched(new BookMetadata("A Title", null, null, null), "Kim"));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({WorkerConfig.class, DeadLetterConfig.class})
    static class TestWorker {
        @Bean
        FailingEnricher enricher() {
            return new FailingEnricher();
        }
    }
}

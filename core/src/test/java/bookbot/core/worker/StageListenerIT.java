package bookbot.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.HeadersExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.RetryBackoff;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.Jobs;
import bookbot.core.testing.RealBroker;
import bookbot.core.testing.TestDeadLetters;

/** A worker on a real broker: what happens to a job when its stage succeeds, fails for a while, or fails for good. */
@SpringBootTest(properties = {
        "bookbot.worker.max-attempts=3",
        "bookbot.worker.retry.initial-delay=200ms",
        "bookbot.worker.retry.max-delay=2s",
        "bookbot.worker.retry.shortest-tier=50ms",
        "bookbot.worker.concurrency=2"})
@RealBroker
class StageListenerIT {

    @Autowired
    ScriptedHandler handler;
    @Autowired
    ConfirmedPublisher publisher;
    @Autowired
    JobMessages messages;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    Topology topology;
    @Autowired
    RabbitAdmin admin;
    @Autowired
    WorkerSettings settings;

    @Autowired
    RetryBackoff backoff;

    @BeforeEach
    void reset() {
        handler.behaviour.set(job -> Optional.of(job.enriched(new BookMetadata("Title", null, null, null), "Kim")));
        handler.attempts.clear();
        handler.attemptedAtNanos.clear();
        handler.attemptedAt.clear();
    }

    @Test
    void aHandledJobIsPassedToTheNextStageUnderTheSameJobId() {
        BookJob job = Jobs.submitted();

        submit(job);

        Message next = rabbit.receive(topology.queue(Stage.WRITE), 10_000);
        assertThat(next).isNotNull();
        assertThat(next.getMessageProperties().getMessageId()).isEqualTo(job.jobId());
        assertThat(messages.toJob(next).recommenderName()).isEqualTo("Kim");
        assertThat(next.getMessageProperties().<String>getHeader(JobHeaders.TRACE_ID)).isEqualTo(TRACE_ID);
    }

    @Test
    void aPermanentFailureIsDeadLetteredAtOnceWithItsReasonAndTheUntouchedBody() {
        handler.behaviour.set(job -> {
            throw new PermanentFailure("opengraph-unauthorized", "OpenGraph.io HTTP 401", null);
        });
        BookJob job = Jobs.submitted();

        submit(job);

        Message dead = TestDeadLetters.awaitJob(topology, job.jobId(), Duration.ofSeconds(10));
        assertThat(dead.getBody()).isEqualTo(messages.toMessage(job).getBody());
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo(job.jobId());
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_REASON))
                .isEqualTo("opengraph-unauthorized");
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_ERROR)).contains("HTTP 401");
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_STAGE)).isEqualTo("enrich");
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_WORKER))
                .startsWith("enrich@").contains(":" + ProcessHandle.current().pid());
        assertThat(handler.attempts).hasSize(1);
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.TRACE_ID)).isEqualTo(TRACE_ID);
        // Published persistent: wherever a dead letter is queued, a transient one may vanish when the broker restarts.
        assertThat(dead.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
    }

    @Test
    void aTransientFailureIsRetriedAfterADelayAndThenSucceeds() {
        handler.behaviour.set(job -> {
            if (handler.attempts.size() < 2) {
                throw new TransientFailure("opengraph-http-503", "OpenGraph.io HTTP 503", null);
            }
            return Optional.of(job);
        });
        BookJob job = Jobs.submitted();

        submit(job);

        Message next = rabbit.receive(topology.queue(Stage.WRITE), 10_000);
        assertThat(next).isNotNull();
        assertThat(next.getMessageProperties().getMessageId()).isEqualTo(job.jobId());
        assertThat(handler.attempts).hasSize(2);
        assertThat(next.getMessageProperties().<String>getHeader(JobHeaders.TRACE_ID))
                .as("the trace survives the retry").isEqualTo(TRACE_ID);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffDelaysTheNextAttemptAtLeastThatLong() {
        handler.behaviour.set(job -> {
            if (handler.attempts.size() < 2) {
                throw new TransientFailure("notion-rate-limited", "Notion HTTP 429", null, Duration.ofMillis(1500));
            }
            return Optional.of(job);
        });

        submit(Jobs.submitted());

        assertThat(rabbit.receive(topology.queue(Stage.WRITE), 10_000)).isNotNull();
        Long[] times = handler.attemptedAtNanos.toArray(Long[]::new);
        assertThat(times).hasSize(2);
        assertThat(Duration.ofNanos(times[1] - times[0])).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    /**
     * Tiers here: 50, 100, 200, 400, 800 and 1600 ms. A retry due 700 ms from now, put in the 50 ms tier, comes back
     * early: the worker sends it on to wait, tier after tier, never past its due time by a tier or more, and runs
     * it once when it is due, as the attempt it was.
     */
    @Test
    void aRetryBackBeforeItsDueTimeWaitsOnInTheTiersAndRunsWhenDueWithoutCountingAnAttempt() {
        String tap = tapTheRetryTiers();
        try {
            BookJob job = Jobs.submitted();
            Instant sentAt = Instant.ofEpochMilli(System.currentTimeMillis());
            Instant due = sentAt.plusMillis(700);
            Message retry = MessageBuilder.fromMessage(messages.toMessage(job, TRACE_ID))
                    .setHeader(JobHeaders.ATTEMPT, 2)
                    .setHeader(JobHeaders.LAST_ERROR, "Notion HTTP 502")
                    .setHeader(JobHeaders.RETRY_NOT_BEFORE, due.toEpochMilli())
                    .setHeader(JobHeaders.RETRY_TIER, "50ms")
                    .setHeader(JobHeaders.RETRY_DELAY_MS, 50L)
                    .build();

            publisher.publish(topology.retryExchange(), Stage.ENRICH.inputKey(), retry);

            Message next = rabbit.receive(topology.queue(Stage.WRITE), 10_000);
            assertThat(next).isNotNull();
            assertThat(next.getMessageProperties().getMessageId()).isEqualTo(job.jobId());
            assertThat(handler.attempts).as("run once").containsExactly(job.jobId());
            assertThat(handler.attemptedAt.peek()).as("run no sooner than due").isAfterOrEqualTo(due);

            List<Message> legs = drain(tap);
            assertThat(legs).as("the 50 ms tier, then the hops").hasSizeGreaterThan(1);
            long waitedInTiers = 0;
            for (Message leg : legs) {
                assertThat(leg.getBody()).isEqualTo(retry.getBody());
                assertThat(leg.getMessageProperties().<Integer>getHeader(JobHeaders.ATTEMPT)).as("not an attempt").isEqualTo(2);
                assertThat(leg.getMessageProperties().<String>getHeader(JobHeaders.LAST_ERROR)).isEqualTo("Notion HTTP 502");
                assertThat(leg.getMessageProperties().<Long>getHeader(JobHeaders.RETRY_NOT_BEFORE)).isEqualTo(due.toEpochMilli());
                waitedInTiers += leg.getMessageProperties().<Long>getHeader(JobHeaders.RETRY_DELAY_MS);
            }
            assertThat(waitedInTiers).as("the tiers it waited in add up to less than its wait and one shortest tier")
                    .isLessThan(Duration.between(sentAt, due).plus(backoff.shortestTier()).toMillis());
            System.out.printf("retry due in 700 ms: tiers %s, ran %d ms after its due time%n",
                    legs.stream().map(leg -> leg.getMessageProperties().<String>getHeader(JobHeaders.RETRY_TIER)).toList(),
                    Duration.between(due, handler.attemptedAt.peek()).toMillis());
        } finally {
            admin.deleteQueue(tap);
        }
    }

    @Test
    void aJobThatKeepsFailingIsDeadLetteredAfterTheLastAttempt() {
        handler.behaviour.set(job -> {
            throw new TransientFailure("notion-http-502", "Notion HTTP 502", null);
        });

        BookJob job = Jobs.submitted();
        submit(job);

        Message dead = TestDeadLetters.awaitJob(topology, job.jobId(), Duration.ofSeconds(10));
        assertThat(dead.getMessageProperties().<Integer>getHeader(JobHeaders.ATTEMPT)).isEqualTo(3);
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_REASON)).isEqualTo("notion-http-502");
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_ROUTING_KEY)).isEqualTo("submitted");
        assertThat(Instant.parse(dead.getMessageProperties().getHeader(JobHeaders.FIRST_FAILED_AT)))
                .isBefore(Instant.parse(dead.getMessageProperties().getHeader(JobHeaders.LAST_FAILED_AT)));
        assertThat(handler.attempts).hasSize(3);
    }

    @Test
    void aPoisonMessageIsDeadLetteredInOneAttemptWithoutBlockingTheJobsBehindIt() {
        Message garbage = MessageBuilder.withBody("{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8))
                .setMessageId("garbage-1").build();
        BookJob behind = Jobs.submitted();

        publisher.publish(topology.workExchange(), Stage.ENRICH.inputKey(), garbage);
        submit(behind);

        Message dead = TestDeadLetters.awaitJob(topology, "garbage-1", Duration.ofSeconds(10));
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_REASON)).isEqualTo("malformed-job");
        assertThat(dead.getMessageProperties().<Integer>getHeader(JobHeaders.ATTEMPT)).isEqualTo(1);
        Message next = rabbit.receive(topology.queue(Stage.WRITE), 10_000);
        assertThat(next.getMessageProperties().getMessageId()).isEqualTo(behind.jobId());
        assertThat(handler.attempts).containsExactly(behind.jobId());
    }

    @Test
    void anOutcomeNoQueueTakesIsNeverDroppedTheJobComesAgainUntilTheBrokerDeadLettersIt() {
        BookJob job = Jobs.submitted();
        admin.deleteQueue(topology.queue(Stage.WRITE));
        try {
            submit(job);

            // Each attempt's outcome comes back unroutable, so the delivery is never acknowledged: the broker
            // hands it out again until its delivery limit, then dead-letters it itself.
            Message dead = TestDeadLetters.awaitJob(topology, job.jobId(), Duration.ofSeconds(20));
            assertThat(dead.getMessageProperties().getHeaders()).as("dead-lettered by the broker after its delivery"
                    + " limit").containsEntry("x-first-death-reason", "delivery_limit");
            assertThat(handler.attempts).hasSizeGreaterThan(1).containsOnly(job.jobId());
        } finally {
            admin.initialize();
        }
    }

    @Test
    void springWaitsForAStoppingWorkerAsLongAsTheWorkerWaitsForItsJobs(@Autowired LifecycleProperties lifecycle) {
        // Spring gives up on stopping consumers after its phase time-out (30 s unless set) and closes the
        // connection under the jobs still running, whatever the container's own shutdown timeout.
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(lifecycle.getTimeoutPerShutdownPhase()).isEqualTo(settings.shutdownTimeout());
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** A queue that gets a copy of every message sent to wait in a retry tier. */
    private String tapTheRetryTiers() {
        Queue tap = new Queue(topology.namespace() + ".tap", false);
        admin.declareQueue(tap);
        HeadersExchange retries = new HeadersExchange(topology.retryExchange());
        backoff.tiers().forEach(tier -> admin.declareBinding(
                BindingBuilder.bind(tap).to(retries).where(JobHeaders.RETRY_TIER).matches(Topology.tierName(tier))));
        return tap.getName();
    }

    private List<Message> drain(String queue) {
        List<Message> all = new ArrayList<>();
        for (Message message = rabbit.receive(queue); message != null; message = rabbit.receive(queue)) {
            all.add(message);
        }
        return all;
    }

    private void submit(BookJob job) {
        publisher.publish(topology.workExchange(), Stage.ENRICH.inputKey(), messages.toMessage(job, TRACE_ID));
    }

    interface Behaviour {
        Optional<BookJob> apply(BookJob job) throws Exception;
    }

    static class ScriptedHandler implements StageHandler {
        final AtomicReference<Behaviour> behaviour = new AtomicReference<>();
        final ConcurrentLinkedQueue<String> attempts = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> attemptedAtNanos = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Instant> attemptedAt = new ConcurrentLinkedQueue<>();

        @Override
        public Stage stage() {
            return Stage.ENRICH;
        }

        @Override
        public Optional<BookJob> handle(BookJob job) throws Exception {
            attempts.add(job.jobId());
            attemptedAtNanos.add(System.nanoTime());
            attemptedAt.add(Instant.now());
            return behaviour.get().apply(job);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WorkerConfig.class)
    static class TestWorker {
        @Bean
        ScriptedHandler handler() {
            return new ScriptedHandler();
        }
    }
}

package bookbot.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.Jobs;
import bookbot.core.testing.TestBroker;

/** A worker on a real broker: what happens to a job when its stage succeeds, fails for a while, or fails for good. */
@SpringBootTest(properties = {
        "bookbot.worker.max-attempts=3",
        "bookbot.worker.retry.initial-delay=200ms",
        "bookbot.worker.retry.max-delay=1s",
        "bookbot.worker.concurrency=2"})
@DirtiesContext
class StageListenerIT {

    private static final String NAMESPACE = TestBroker.newNamespace();

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        TestBroker.register(registry, NAMESPACE);
    }

    @AfterAll
    static void removeQueues(@Autowired ApplicationContext context) {
        TestBroker.shutDown(context, NAMESPACE);
    }

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

    @BeforeEach
    void reset() {
        handler.behaviour.set(job -> Optional.of(job.enriched(new BookMetadata("Title", null, null, null), "Kim")));
        handler.attempts.clear();
        handler.attemptedAtNanos.clear();
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

        Message dead = rabbit.receive(topology.deadLetterQueue(), 10_000);
        assertThat(dead).isNotNull();
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
        // {ns}.dead is a classic queue: a transient dead letter would vanish when the broker restarts.
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

    @Test
    void aJobThatKeepsFailingIsDeadLetteredAfterTheLastAttempt() {
        handler.behaviour.set(job -> {
            throw new TransientFailure("notion-http-502", "Notion HTTP 502", null);
        });

        submit(Jobs.submitted());

        Message dead = rabbit.receive(topology.deadLetterQueue(), 10_000);
        assertThat(dead).isNotNull();
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

        Message dead = rabbit.receive(topology.deadLetterQueue(), 10_000);
        assertThat(dead).isNotNull();
        assertThat(dead.getMessageProperties().getMessageId()).isEqualTo("garbage-1");
        assertThat(dead.getMessageProperties().<String>getHeader(JobHeaders.DEAD_REASON)).isEqualTo("malformed-job");
        assertThat(dead.getMessageProperties().<Integer>getHeader(JobHeaders.ATTEMPT)).isEqualTo(1);
        Message next = rabbit.receive(topology.queue(Stage.WRITE), 10_000);
        assertThat(next.getMessageProperties().getMessageId()).isEqualTo(behind.jobId());
        assertThat(handler.attempts).containsExactly(behind.jobId());
    }

    @Test
    void anOutcomeNoQueueTakesLeavesTheJobToComeAgainInsteadOfDroppingIt() {
        BookJob job = Jobs.submitted();
        admin.deleteQueue(topology.queue(Stage.WRITE));
        try {
            submit(job);

            await().atMost(Duration.ofSeconds(10)).until(() -> handler.attempts.size() >= 2);
        } finally {
            admin.initialize();
        }

        Message next = rabbit.receive(topology.queue(Stage.WRITE), 10_000);
        assertThat(next).as("the job, once its next queue exists again").isNotNull();
        assertThat(next.getMessageProperties().getMessageId()).isEqualTo(job.jobId());
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

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

        @Override
        public Stage stage() {
            return Stage.ENRICH;
        }

        @Override
        public Optional<BookJob> handle(BookJob job, Delivery delivery) throws Exception {
            attempts.add(job.jobId());
            attemptedAtNanos.add(System.nanoTime());
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

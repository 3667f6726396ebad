package bookbot.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.Jobs;
import bookbot.core.testing.RealBroker;

/**
 * The concurrency knobs do what docs/configuration.md says: {@code bookbot.worker.concurrency} jobs at once in one
 * process, on virtual threads when {@code bookbot.worker.threads=virtual}. Run by one IT per thread kind.
 */
@RealBroker
@TestPropertySource(properties = "bookbot.worker.concurrency=" + WorkerThreadsContract.CONCURRENCY)
abstract class WorkerThreadsContract {

    static final int CONCURRENCY = 3;

    @Autowired
    BlockingHandler handler;
    @Autowired
    ConfirmedPublisher publisher;
    @Autowired
    JobMessages messages;
    @Autowired
    Topology topology;
    @Autowired
    SimpleMessageListenerContainer container;

    abstract boolean expectVirtualThreads();

    @Test
    void runsAsManyJobsAtOnceAsConfiguredOnTheConfiguredThreads() {
        for (int i = 0; i < CONCURRENCY + 2; i++) {
            publisher.publish(topology.workExchange(), Stage.ENRICH.inputKey(), messages.toMessage(Jobs.submitted()));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> handler.running.size() == CONCURRENCY);
        await("no job beyond the configured concurrency starts while those run").during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2)).until(() -> handler.running.size() == CONCURRENCY);
        assertThat(container.getActiveConsumerCount()).isEqualTo(CONCURRENCY);
        assertThat(handler.running).allSatisfy(thread -> assertThat(thread.isVirtual()).isEqualTo(expectVirtualThreads()));
        handler.release.countDown();
    }

    static class BlockingHandler implements StageHandler {
        final Set<Thread> running = ConcurrentHashMap.newKeySet();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Stage stage() {
            return Stage.ENRICH;
        }

        @Override
        public Optional<BookJob> handle(BookJob job) throws InterruptedException {
            running.add(Thread.currentThread());
            release.await(30, TimeUnit.SECONDS);
            return Optional.of(job);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WorkerConfig.class)
    static class TestWorker {
        @Bean
        BlockingHandler handler() {
            return new BlockingHandler();
        }
    }
}

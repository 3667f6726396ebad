package bookbot.core.worker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a worker process consumes.
 *
 * @param concurrency     jobs this process works on at once (one consumer, channel and thread each)
 * @param threads         which threads run them
 * @param prefetch        unacknowledged messages the broker hands each consumer ahead of time
 * @param maxAttempts     attempts of a stage before a transiently failing job is dead-lettered
 * @param retry           how long a transiently failed job waits before its next attempt
 * @param shutdownTimeout how long a stopping worker waits for jobs in flight
 */
@ConfigurationProperties("bookbot.worker")
public record WorkerSettings(
        int concurrency,
        ThreadKind threads,
        int prefetch,
        int maxAttempts,
        RetryBackoff retry,
        Duration shutdownTimeout) {

    public enum ThreadKind { PLATFORM, VIRTUAL }

    public WorkerSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("bookbot.worker.concurrency must be at least 1, was " + concurrency);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("bookbot.worker.max-attempts must be at least 1, was " + maxAttempts);
        }
    }
}

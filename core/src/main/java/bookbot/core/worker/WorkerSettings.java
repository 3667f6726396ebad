package bookbot.core.worker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import bookbot.core.messaging.BuiltInDefaults;

/**
 * How a worker process consumes. The defaults are in {@code bookbot-core.properties}; how a failed job waits
 * for its next attempt is {@link bookbot.core.messaging.RetryBackoff} ({@code bookbot.worker.retry}).
 *
 * @param concurrency     jobs this process works on at once (one consumer, channel and thread each)
 * @param threads         which threads run them
 * @param prefetch        unacknowledged messages the broker hands each consumer ahead of time
 * @param maxAttempts     attempts of a stage before a transiently failing job is dead-lettered
 * @param shutdownTimeout how long a stopping worker waits for jobs in flight. Longer than one Notion request can
 *                        take ({@code bookbot.notion.read-timeout}, 70 s, in {@code bookbot-notion.properties}: Notion
 *                        answers 503 after 60 s), so that a stopping notion-writer lets the call in flight end rather
 *                        than cut it and leave the job to be done again. Spring's own limit for stopping the consumers,
 *                        {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s unless set), follows this setting in
 *                        {@code bookbot-core.properties}; a supervisor's grace period before it kills the process must
 *                        be longer still.
 */
@ConfigurationProperties("bookbot.worker")
public record WorkerSettings(
        int concurrency,
        ThreadKind threads,
        int prefetch,
        int maxAttempts,
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

    /** The settings of a process that nothing overrides (see {@link BuiltInDefaults}). */
    public static WorkerSettings defaults() {
        return BuiltInDefaults.bind("bookbot.worker", WorkerSettings.class);
    }
}

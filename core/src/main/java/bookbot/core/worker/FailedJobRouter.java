package bookbot.core.worker;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.amqp.core.Message;

import bookbot.core.deadletter.DeadLetterIds;
import bookbot.core.failure.Failure;
import bookbot.core.messaging.MessagePublisher;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * Sends a failed delivery where it belongs: to a retry tier queue to wait for its next attempt, or to the
 * dead-letter queue with everything an admin needs to understand it. The body always travels untouched.
 */
class FailedJobRouter {

    private final MessagePublisher publisher;
    private final Topology topology;
    private final WorkerIdentity worker;
    private final RetryBackoff backoff;
    private final Clock clock;

    FailedJobRouter(MessagePublisher publisher, Topology topology, WorkerIdentity worker, RetryBackoff backoff,
            Clock clock) {
        this.publisher = publisher;
        this.topology = topology;
        this.worker = worker;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** @return how long the job will wait */
    Duration retryLater(Message failed, Stage stage, int nextAttempt, Failure failure) {
        Duration delay = backoff.delayBefore(nextAttempt, failure.retryAfter(), ThreadLocalRandom.current()::nextDouble);
        Duration tier = backoff.tierFor(delay);
        String now = clock.instant().toString();
        Message retry = JobMessages.republish(failed)
                .setHeader(JobHeaders.ATTEMPT, nextAttempt)
                .setHeader(JobHeaders.RETRY_TIER, Topology.tierName(tier))
                .setHeader(JobHeaders.RETRY_DELAY_MS, tier.toMillis())
                .setHeader(JobHeaders.LAST_ERROR, failure.describe())
                .setHeaderIfAbsent(JobHeaders.FIRST_FAILED_AT, now)
                .setHeader(JobHeaders.LAST_FAILED_AT, now)
                .build();
        publisher.publish(topology.retryExchange(), stage.inputKey(), retry);
        return tier;
    }

    void deadLetter(Message failed, Stage stage, int attempts, Failure failure) {
        String now = clock.instant().toString();
        Message dead = JobMessages.republish(failed)
                .setHeader(JobHeaders.DEAD_LETTER_ID, DeadLetterIds.newId())
                .setHeader(JobHeaders.ATTEMPT, attempts)
                .setHeader(JobHeaders.DEAD_STAGE, stage.label())
                .setHeader(JobHeaders.DEAD_QUEUE, topology.queue(stage))
                .setHeader(JobHeaders.DEAD_ROUTING_KEY, stage.inputKey())
                .setHeader(JobHeaders.DEAD_REASON, failure.reason())
                .setHeader(JobHeaders.DEAD_ERROR, failure.describe())
                .setHeader(JobHeaders.DEAD_WORKER, worker.value())
                .setHeaderIfAbsent(JobHeaders.FIRST_FAILED_AT, now)
                .setHeader(JobHeaders.LAST_FAILED_AT, now)
                .removeHeader(JobHeaders.RETRY_TIER)
                .removeHeader(JobHeaders.RETRY_DELAY_MS)
                .removeHeader(JobHeaders.LAST_ERROR)
                .build();
        publisher.publish(topology.deadLetterExchange(), stage.inputKey(), dead);
    }
}

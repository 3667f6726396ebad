package bookbot.core.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;

import bookbot.core.deadletter.DeadLetterIds;
import bookbot.core.failure.Failure;
import bookbot.core.messaging.MessagePublisher;
import bookbot.core.messaging.RetryBackoff;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * Sends a failed delivery where it belongs: to a retry tier queue to wait for its next attempt, or to the
 * dead-letter queue with everything an admin needs to understand it; and a retry back before its due time on
 * to the next tier ({@link RetryBackoff}). The body always travels untouched.
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
        Instant now = clock.instant();
        MessageBuilder retry = JobMessages.republish(failed);
        retry.setHeader(JobHeaders.ATTEMPT, nextAttempt)
                .setHeader(JobHeaders.LAST_ERROR, failure.describe())
                .setHeaderIfAbsent(JobHeaders.FIRST_FAILED_AT, now.toString())
                .setHeader(JobHeaders.LAST_FAILED_AT, now.toString());
        waitInTier(retry, stage, now.plus(delay), delay);
        return delay;
    }

    /**
     * A retry that came back from its tier before its due time goes on to the tier for what is left, untouched:
     * same attempt, same body, same headers but the tier's. Not an attempt of the stage.
     *
     * @return whether the delivery was sent back to wait (and must not run now)
     */
    boolean waitLongerIfEarly(Message delivery, Stage stage) {
        if (!(delivery.getMessageProperties().getHeaders().get(JobHeaders.RETRY_NOT_BEFORE) instanceof Number due)) {
            return false;
        }
        Instant now = clock.instant();
        Duration remaining = Duration.ofMillis(due.longValue() - now.toEpochMilli());
        if (!remaining.isPositive()) {
            return false;
        }
        if (remaining.compareTo(backoff.longestWait()) > 0) {
            remaining = backoff.longestWait();
        }
        waitInTier(JobMessages.republish(delivery), stage, now.plus(remaining), remaining);
        return true;
    }

    private void waitInTier(MessageBuilder waiting, Stage stage, Instant due, Duration remaining) {
        Duration tier = backoff.tierFor(remaining);
        waiting.setHeader(JobHeaders.RETRY_NOT_BEFORE, due.toEpochMilli())
                .setHeader(JobHeaders.RETRY_TIER, Topology.tierName(tier))
                .setHeader(JobHeaders.RETRY_DELAY_MS, tier.toMillis());
        publisher.publish(topology.retryExchange(), stage.inputKey(), waiting.build());
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
                .removeHeader(JobHeaders.RETRY_NOT_BEFORE)
                .removeHeader(JobHeaders.LAST_ERROR)
                .build();
        publisher.publish(topology.deadLetterExchange(), stage.inputKey(), dead);
    }
}

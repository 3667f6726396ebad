package bookbot.core.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a transiently failed job is tried again: exponential backoff with jitter, never sooner than the
 * remote side's {@code Retry-After}, and how it waits for that on the broker.
 * <p>
 * Each retry gets its own due time. RabbitMQ expires messages only at the head of a queue, so each queue
 * holds one delay: a tier. Tiers double from {@code shortestTier} up to {@code maxDelay}. A waiting job goes
 * to the longest tier not longer than the time left until its due time, and when that expires back to its stage
 * it is sent on to the tier for what is left (see {@link #tierFor}), until it is due. So it runs no sooner than
 * its due time and less than one shortest tier after it, and the jitter of jobs that failed together survives.
 *
 * The retry tiers are part of the topology every process declares; the workers route failed jobs through them.
 *
 * @param initialDelay wait before the second attempt
 * @param multiplier   growth of the wait per attempt
 * @param maxDelay     longest wait before the jitter
 * @param jitter       the wait varies by ± this fraction, so jobs that failed together do not return together
 * @param shortestTier the shortest tier: how close to its due time a job returns, and the first of the tier queues
 */
@ConfigurationProperties("bookbot.worker.retry")
public record RetryBackoff(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
        Duration shortestTier) {

    public RetryBackoff {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("bookbot.worker.retry.initial-delay must be positive");
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("bookbot.worker.retry.max-delay must not be shorter than initial-delay");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("bookbot.worker.retry.multiplier must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("bookbot.worker.retry.jitter must be in [0, 1)");
        }
        if (shortestTier.toMillis() < 1 || shortestTier.compareTo(initialDelay) > 0) {
            throw new IllegalArgumentException(
                    "bookbot.worker.retry.shortest-tier must be at least 1ms and not longer than initial-delay");
        }
    }

    /** The schedule of a process that nothing overrides (see {@link BuiltInDefaults}). */
    public static RetryBackoff defaults() {
        return BuiltInDefaults.bind("bookbot.worker.retry", RetryBackoff.class);
    }

    /** The delay tiers, shortest first: one retry queue each, doubling up to {@code maxDelay}. */
    public List<Duration> tiers() {
        List<Duration> tiers = new ArrayList<>();
        for (Duration tier = shortestTier; tier.compareTo(maxDelay) <= 0; tier = tier.multipliedBy(2)) {
            tiers.add(tier);
        }
        return List.copyOf(tiers);
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 is the first retry): the larger of the jittered backoff and
     * the Retry-After, which is cut to the {@link #longestWait}.
     *
     * @param random a source of numbers in [0, 1)
     */
    public Duration delayBefore(int nextAttempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        double nominal = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, nextAttempt - 2));
        double capped = Math.min(nominal, maxDelay.toMillis());
        double jittered = capped * (1 - jitter + 2 * jitter * random.getAsDouble());
        Duration delay = Duration.ofMillis(Math.max(1, Math.round(jittered)));
        return retryAfter.map(wanted -> wanted.compareTo(longestWait()) > 0 ? longestWait() : wanted)
                .filter(wanted -> wanted.compareTo(delay) > 0)
                .orElse(delay);
    }

    /**
     * The longest wait {@link #delayBefore} gives: {@code maxDelay} with all the jitter. A longer Retry-After is
     * cut to it, and a job whose due time is further ahead (a worker's clock far off, a header written by hand)
     * waits this long instead of for ever.
     */
    public Duration longestWait() {
        return Duration.ofMillis((long) Math.ceil(maxDelay.toMillis() * (1 + jitter)));
    }

    /**
     * The tier a job waits in next, {@code remaining} before its due time: the longest tier not longer than
     * that, or the shortest tier when less than it remains (the job returns late by less than the shortest
     * tier, never early). Waiting in the tiers chosen one after the other adds up to at least
     * {@code remaining} and less than {@code remaining} plus the shortest tier.
     */
    public Duration tierFor(Duration remaining) {
        List<Duration> tiers = tiers();
        return tiers.reversed().stream().filter(tier -> tier.compareTo(remaining) <= 0).findFirst()
                .orElse(tiers.getFirst());
    }
}

package bookbot.core.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a transiently failed job is tried again: exponential backoff with jitter, never sooner than the
 * remote side's {@code Retry-After}. Waiting happens on the broker, in one TTL queue per delay tier (RabbitMQ
 * expires messages only at the head of a queue, so each queue holds one delay). Tiers double from
 * {@code initialDelay} until they reach {@code maxDelay}; a wait goes to the shortest tier not shorter than
 * it, so a job waits at least its delay and less than twice it.
 *
 * @param initialDelay wait before the second attempt
 * @param multiplier   growth of the wait per attempt
 * @param maxDelay     longest wait (a longer Retry-After is cut to the longest tier)
 * @param jitter       the wait varies by ± this fraction, so jobs that failed together do not return together
 */
public record RetryBackoff(Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

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
    }

    /** The delay tiers, shortest first: one retry queue each. */
    public List<Duration> tiers() {
        List<Duration> tiers = new ArrayList<>();
        Duration tier = initialDelay;
        tiers.add(tier);
        while (tier.compareTo(maxDelay) < 0) {
            tier = tier.multipliedBy(2);
            tiers.add(tier);
        }
        return List.copyOf(tiers);
    }

    /**
     * The wait before attempt {@code nextAttempt} (2 is the first retry).
     *
     * @param random a source of numbers in [0, 1)
     */
    public Duration delayBefore(int nextAttempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        double nominal = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, nextAttempt - 2));
        double capped = Math.min(nominal, maxDelay.toMillis());
        double jittered = capped * (1 - jitter + 2 * jitter * random.getAsDouble());
        Duration delay = Duration.ofMillis(Math.max(1, Math.round(jittered)));
        return retryAfter.filter(wanted -> wanted.compareTo(delay) > 0).orElse(delay);
    }

    /** The tier a wait goes to: the shortest not shorter than it, or the longest. */
    public Duration tierFor(Duration delay) {
        List<Duration> tiers = tiers();
        return tiers.stream().filter(tier -> tier.compareTo(delay) >= 0).findFirst().orElse(tiers.getLast());
    }
}

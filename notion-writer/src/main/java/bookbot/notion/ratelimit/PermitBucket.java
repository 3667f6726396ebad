package bookbot.notion.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;

import bookbot.core.ratelimit.RateBuckets;

/**
 * This process's share of Notion's limit: {@code rate} permits a second, at most one second's worth saved up; the
 * rate follows the share as writers come and go, and {@link #pauseFor(Duration)} holds every permit back, as after
 * a 429 with Retry-After.
 */
final class PermitBucket {

    private final Bucket bucket;
    private volatile double rate;

    PermitBucket(double rate, TimeMeter clock) {
        this.rate = rate;
        this.bucket = RateBuckets.perSecond(rate, RateBuckets.oneSecondsWorth(rate), clock);
    }

    synchronized void setRate(double newRate) {
        rate = newRate;
        bucket.replaceConfiguration(RateBuckets.configuration(newRate, RateBuckets.oneSecondsWorth(newRate)),
                TokensInheritanceStrategy.AS_IS);
    }

    double rate() {
        return rate;
    }

    /** No permit until {@code pause} has passed: the permits saved up and the pause's worth are taken now. */
    synchronized void pauseFor(Duration pause) {
        long saved = Math.max(0, bucket.getAvailableTokens());
        bucket.consumeIgnoringRateLimits(saved + (long) Math.ceil(pause.toNanos() / 1e9 * rate));
    }

    /** Takes a permit if one is there; otherwise says how long until the next one, in nanoseconds. */
    long tryTake() {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }
}

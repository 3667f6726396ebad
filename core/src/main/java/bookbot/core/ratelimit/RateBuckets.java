package bookbot.core.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets (Bucket4j) for a rate given in actions a second, fractional rates included, refilled smoothly at
 * that rate and starting full.
 */
public final class RateBuckets {

    private RateBuckets() {
    }

    /** @param burst how many actions may be saved up, e.g. {@link #oneSecondsWorth} */
    public static Bucket perSecond(double rate, long burst, TimeMeter clock) {
        return Bucket.builder().addLimit(bandwidth(rate, burst)).withCustomTimePrecision(clock).build();
    }

    public static BucketConfiguration configuration(double rate, long burst) {
        return BucketConfiguration.builder().addLimit(bandwidth(rate, burst)).build();
    }

    /** One second's worth of a rate, at least one action. */
    public static long oneSecondsWorth(double rate) {
        return (long) Math.max(1, Math.ceil(rate));
    }

    private static Bandwidth bandwidth(double rate, long burst) {
        if (!(rate > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate and a burst must be positive, were " + rate + " and " + burst);
        }
        return Bandwidth.builder().capacity(burst)
                .refillGreedy(burst, Duration.ofNanos(Math.round(burst * 1e9 / rate)))
                .initialTokens(burst).build();
    }
}

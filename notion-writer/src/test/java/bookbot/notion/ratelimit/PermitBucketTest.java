package bookbot.notion.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

class PermitBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PermitBucket bucket = new PermitBucket(3, new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    @Test
    void givesAtMostOneSecondsWorthAtOnceThenTheRate() {
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(Duration.ofNanos(bucket.tryTake())).isEqualTo(Duration.ofSeconds(1).dividedBy(3));

        now.addAndGet(Duration.ofMillis(334).toNanos());

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void aLowerShareSlowsItDown() {
        bucket.setRate(0.75);
        bucket.tryTake();

        assertThat(Duration.ofNanos(bucket.tryTake())).isEqualTo(Duration.ofSeconds(4).dividedBy(3));
    }

    @Test
    void aPauseHoldsEveryPermitBackUntilItEnds() {
        bucket.pauseFor(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(bucket.tryTake())).isGreaterThan(Duration.ofSeconds(5));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(bucket.tryTake()).as("the pause is over, the next permit not yet refilled").isPositive();
        now.addAndGet(Duration.ofMillis(334).toNanos());
        assertThat(bucket.tryTake()).isZero();
    }
}

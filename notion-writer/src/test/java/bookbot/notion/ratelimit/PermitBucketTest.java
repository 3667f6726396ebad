package bookbot.notion.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PermitBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PermitBucket bucket = new PermitBucket(3, now::get);

    @Test
    void givesAtMostOneSecondsWorthAtOnceThenTheRate() {
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(333_333_334L);

        now.addAndGet(333_333_334L);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void aLowerShareSlowsItDown() {
        bucket.setRate(0.75);
        bucket.tryTake();

        assertThat(Duration.ofNanos(bucket.tryTake())).isEqualTo(Duration.ofMillis(1333).plusNanos(333_334));
    }

    @Test
    void aPauseHoldsEveryPermitBackUntilItEnds() {
        bucket.pauseFor(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(bucket.tryTake())).isEqualTo(Duration.ofSeconds(5));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(bucket.tryTake()).isPositive();
        now.addAndGet(Duration.ofMillis(334).toNanos());
        assertThat(bucket.tryTake()).isZero();
    }
}

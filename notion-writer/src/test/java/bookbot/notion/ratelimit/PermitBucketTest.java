package bookbot.notion.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import bookbot.core.testing.ManualTimeMeter;

class PermitBucketTest {

    private final ManualTimeMeter now = new ManualTimeMeter();
    private final PermitBucket bucket = new PermitBucket(3, now);

    @Test
    void givesAtMostOneSecondsWorthAtOnceThenTheRate() {
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(Duration.ofNanos(bucket.tryTake())).isEqualTo(Duration.ofSeconds(1).dividedBy(3));

        now.advance(Duration.ofMillis(334));

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
        now.advance(Duration.ofSeconds(5));
        assertThat(bucket.tryTake()).as("the pause is over, the next permit not yet refilled").isPositive();
        now.advance(Duration.ofMillis(334));
        assertThat(bucket.tryTake()).isZero();
    }
}

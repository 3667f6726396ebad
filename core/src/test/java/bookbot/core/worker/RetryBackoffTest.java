package bookbot.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(5), 3, Duration.ofHours(1), 0.2,
            Duration.ofMillis(250));

    @Test
    void tiersDoubleFromTheShortestUpToTheLongestDelay() {
        assertThat(BACKOFF.tiers()).extracting(Duration::toMillis).containsExactly(250L, 500L, 1_000L, 2_000L, 4_000L,
                8_000L, 16_000L, 32_000L, 64_000L, 128_000L, 256_000L, 512_000L, 1_024_000L, 2_048_000L);
    }

    @Test
    void theWaitGrowsPerAttemptUpToTheLongest() {
        assertThat(BACKOFF.delayBefore(2, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(BACKOFF.delayBefore(3, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(BACKOFF.delayBefore(7, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(1215));
        assertThat(BACKOFF.delayBefore(8, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofHours(1));
        assertThat(BACKOFF.delayBefore(30, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterSpreadsJobsThatFailedTogether() {
        assertThat(BACKOFF.delayBefore(2, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(BACKOFF.delayBefore(2, Optional.empty(), () -> 0.999_999)).isEqualTo(Duration.ofSeconds(6));
        assertThat(BACKOFF.delayBefore(30, Optional.empty(), () -> 0.999_999))
                .isLessThanOrEqualTo(BACKOFF.longestWait()).isEqualTo(Duration.ofMillis(4_319_999));
    }

    @Test
    void retryAfterIsHonouredWhenItAsksForMoreUpToTheLongestWait() {
        assertThat(BACKOFF.delayBefore(2, Optional.of(Duration.ofSeconds(30)), () -> 0.5))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(BACKOFF.delayBefore(5, Optional.of(Duration.ofSeconds(1)), () -> 0.5))
                .isEqualTo(Duration.ofSeconds(135));
        assertThat(BACKOFF.longestWait()).isEqualTo(Duration.ofMinutes(72));
        assertThat(BACKOFF.delayBefore(2, Optional.of(Duration.ofDays(3)), () -> 0.5)).isEqualTo(Duration.ofMinutes(72));
    }

    @Test
    void aJobWaitsInTheLongestTierThatDoesNotOvershootItsDueTime() {
        assertThat(BACKOFF.tierFor(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
        assertThat(BACKOFF.tierFor(Duration.ofMillis(5_300))).isEqualTo(Duration.ofSeconds(4));
        assertThat(BACKOFF.tierFor(Duration.ofMillis(1_300))).isEqualTo(Duration.ofSeconds(1));
        assertThat(BACKOFF.tierFor(Duration.ofMillis(260))).isEqualTo(Duration.ofMillis(250));
        assertThat(BACKOFF.tierFor(Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(2048));
    }

    @Test
    void lessThanTheShortestTierBeforeItsDueTimeAJobWaitsTheShortestTierRatherThanRunEarly() {
        assertThat(BACKOFF.tierFor(Duration.ofMillis(249))).isEqualTo(Duration.ofMillis(250));
        assertThat(BACKOFF.tierFor(Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void tierAfterTierAJobReachesItsDueTimeAndOvershootsItByLessThanTheShortestTier() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Duration wait = Duration.ofMillis(1 + random.nextLong(BACKOFF.longestWait().toMillis()));
            Duration waited = Duration.ZERO;
            int tiers = 0;
            while (waited.compareTo(wait) < 0) {
                waited = waited.plus(BACKOFF.tierFor(wait.minus(waited)));
                tiers++;
            }
            assertThat(waited).as("wait %s", wait).isGreaterThanOrEqualTo(wait).isLessThan(wait.plus(BACKOFF.shortestTier()));
            assertThat(tiers).as("wait %s", wait).isLessThanOrEqualTo(BACKOFF.tiers().size() + 2);
        }
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, 2, Duration.ofMinutes(1), 0.2, Duration.ofSeconds(1)))
                .hasMessageContaining("initial-delay");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), 0.5, Duration.ofMinutes(1), 0.2, Duration.ofSeconds(1)))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(1), 0.2, Duration.ofSeconds(1)))
                .hasMessageContaining("max-delay");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 0.2, Duration.ofSeconds(6)))
                .hasMessageContaining("shortest-tier");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), 2, Duration.ofMinutes(1), 0.2, Duration.ZERO))
                .hasMessageContaining("shortest-tier");
    }
}

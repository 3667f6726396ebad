package bookbot.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final RetryBackoff DEFAULTS = new RetryBackoff(Duration.ofSeconds(5), 3, Duration.ofMinutes(30), 0.2);

    @Test
    void tiersDoubleFromTheFirstDelayUntilTheLongest() {
        assertThat(DEFAULTS.tiers()).extracting(Duration::toSeconds)
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L);
    }

    @Test
    void theWaitGrowsPerAttemptUpToTheLongest() {
        assertThat(DEFAULTS.delayBefore(2, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULTS.delayBefore(3, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(DEFAULTS.delayBefore(7, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(1215));
        assertThat(DEFAULTS.delayBefore(8, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULTS.delayBefore(20, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eightAttemptsSpreadOverAboutAnHour() {
        Duration atLeast = Duration.ZERO;
        Duration atMost = Duration.ZERO;
        for (int attempt = 2; attempt <= 8; attempt++) {
            Duration delay = DEFAULTS.delayBefore(attempt, Optional.empty(), () -> 0.5);
            atLeast = atLeast.plus(delay);
            atMost = atMost.plus(DEFAULTS.tierFor(delay));
        }
        assertThat(atLeast).isEqualTo(Duration.ofSeconds(3620));
        assertThat(atMost).isEqualTo(Duration.ofSeconds(4745));
    }

    @Test
    void jitterSpreadsJobsThatFailedTogether() {
        assertThat(DEFAULTS.delayBefore(2, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DEFAULTS.delayBefore(2, Optional.empty(), () -> 0.999_999)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void retryAfterIsHonouredWhenItAsksForMore() {
        assertThat(DEFAULTS.delayBefore(2, Optional.of(Duration.ofSeconds(30)), () -> 0.5))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(DEFAULTS.delayBefore(5, Optional.of(Duration.ofSeconds(1)), () -> 0.5))
                .isEqualTo(Duration.ofSeconds(135));
    }

    @Test
    void aWaitGoesToTheShortestTierThatIsNotShorter() {
        assertThat(DEFAULTS.tierFor(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULTS.tierFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(DEFAULTS.tierFor(Duration.ofMillis(5_001))).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULTS.tierFor(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(40));
        assertThat(DEFAULTS.tierFor(Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(2560));
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, 2, Duration.ofMinutes(1), 0.2))
                .hasMessageContaining("initial-delay");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), 0.5, Duration.ofMinutes(1), 0.2))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(1), 0.2))
                .hasMessageContaining("max-delay");
    }
}

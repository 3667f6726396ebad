package bookbot.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import bookbot.core.worker.WorkerSettings;

class RetryBackoffTest {

    /** What every service runs with unless told otherwise. */
    private static final WorkerSettings DEFAULTS = WorkerSettings.defaults();
    /** The rules below, with their numbers in sight. */
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

    /**
     * A Notion or Slack outage of a day costs retries, not books: by default a job is dead-lettered no sooner
     * than 24 h after its first attempt failed, while the first retry still comes after about 5 s. docs/how-it-works.md
     * states this schedule; its figures are the ones printed here.
     */
    @Test
    void byDefaultAJobIsTriedForAtLeastADayAndFirstRetriedAfterAboutFiveSeconds() throws IOException {
        RetryBackoff backoff = RetryBackoff.defaults();
        Duration atLeast = Duration.ZERO;
        Duration atMost = Duration.ZERO;
        List<Duration> growing = new ArrayList<>();
        System.out.printf("default retry schedule: %s; each retry runs less than %s after its due time%n", backoff,
                human(backoff.shortestTier()));
        System.out.println("attempt  nominal       min           max           cumulative min     cumulative max");
        for (int attempt = 2; attempt <= DEFAULTS.maxAttempts(); attempt++) {
            Duration nominal = backoff.delayBefore(attempt, Optional.empty(), () -> 0.5);
            Duration min = backoff.delayBefore(attempt, Optional.empty(), () -> 0.0);
            Duration max = backoff.delayBefore(attempt, Optional.empty(), () -> Math.nextDown(1.0));
            atLeast = atLeast.plus(min);
            atMost = atMost.plus(max);
            if (nominal.compareTo(backoff.maxDelay()) < 0) {
                growing.add(nominal);
            }
            System.out.printf("%7d  %-12s  %-12s  %-12s  %-17s  %s%n", attempt, human(nominal), human(min), human(max),
                    human(atLeast), human(atMost));
        }
        System.out.printf("then dead-lettered: attempt %d failed %s to %s after the first%n", DEFAULTS.maxAttempts(),
                human(atLeast), human(atMost));

        assertThat(backoff.delayBefore(2, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayBefore(2, Optional.empty(), () -> 0.0)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayBefore(2, Optional.empty(), () -> Math.nextDown(1.0))).isLessThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(atLeast).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(backoff.maxDelay()).as("a recovered service is used within the hour or two").isBetween(
                Duration.ofHours(1), Duration.ofHours(2));

        String schedule = "by default " + String.join(", ", growing.stream().map(RetryBackoffTest::human).toList())
                + ", then every " + human(backoff.maxDelay()) + ", each ±" + Math.round(backoff.jitter() * 100)
                + " %: " + DEFAULTS.maxAttempts() + " attempts over " + human(atLeast) + " to " + human(atMost);
        assertThat(howItWorksBullet("Retry delays")).contains(schedule,
                "up to the longest wait, " + human(backoff.longestWait()),
                "doubling up to the longest delay: " + backoff.tiers().size() + " queues",
                "less than one shortest tier (" + human(backoff.shortestTier()) + ")");
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

    /** A bullet of "How a recommendation travels" (docs/how-it-works.md), on one line. */
    private static String howItWorksBullet(String title) throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "how-it-works.md"));
        Matcher bullet = Pattern.compile("(?s)\\n- \\*\\*" + Pattern.quote(title) + "\\.\\*\\*(.*?)(?=\\n- |\\n\\n|\\n?\\z)")
                .matcher(readme);
        assertThat(bullet.find()).as("docs/how-it-works.md has a bullet \"%s\"", title).isTrue();
        return bullet.group(1).replaceAll("\\s+", " ");
    }

    /** 250 ms, 5 s, 2 min 15 s, 1 h, 24 h 24 min 16 s. */
    private static String human(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        List<String> parts = new ArrayList<>();
        if (duration.toHours() > 0) {
            parts.add(duration.toHours() + " h");
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(duration.toMinutesPart() + " min");
        }
        if (duration.toSecondsPart() > 0 || duration.toMillisPart() > 0) {
            parts.add(duration.toMillisPart() == 0 ? duration.toSecondsPart() + " s"
                    : String.format(Locale.ROOT, "%.1f s", duration.toSecondsPart() + duration.toMillisPart() / 1000.0));
        }
        return String.join(" ", parts);
    }
}

package bookbot.gateway.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberLocalesTest {

    private static final MemberLocaleSettings SETTINGS = new MemberLocaleSettings(Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofHours(6), Duration.ofMinutes(1), 3);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile Map<String, String> slack = Map.of("U0SEOYEON", "ko-KR", "U0ALICE", "en-US", "U0BOB", "fr-FR");
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean slow;
    private volatile boolean down;
    private final MemberLocales locales = new MemberLocales(this::ask, Locale.KOREAN, SETTINGS, clock);

    @AfterEach
    void close() {
        release.countDown();
        locales.close();
    }

    @Test
    void aMembersFirstRequestWaitsForSlacksAnswerWhenItComesQuickly() {
        assertThat(locales.of("U0ALICE")).isEqualTo(Locale.ENGLISH);
        assertThat(locales.of("U0SEOYEON")).isEqualTo(Locale.KOREAN);
    }

    @Test
    void aLanguageBookbotDoesNotSpeakOrNoneIsTheDefault() {
        assertThat(locales.of("U0BOB")).isEqualTo(Locale.KOREAN);
        assertThat(locales.of("U0NOBODY")).isEqualTo(Locale.KOREAN);
        assertThat(locales.of(null)).isEqualTo(Locale.KOREAN);
    }

    @Test
    void aKnownMemberCostsNoCallUntilTheEntryExpiresThenIsRefreshedInTheBackground() {
        locales.of("U0ALICE");
        locales.of("U0ALICE");
        clock.advance(Duration.ofHours(5));
        locales.of("U0ALICE");
        assertThat(asked).containsExactly("U0ALICE");

        slack = Map.of("U0ALICE", "ko-KR");
        clock.advance(Duration.ofHours(2));
        assertThat(locales.of("U0ALICE")).as("the known language while it is refreshed").isEqualTo(Locale.ENGLISH);
        await().atMost(Duration.ofSeconds(5)).until(() -> locales.of("U0ALICE").equals(Locale.KOREAN));
        assertThat(asked).containsExactly("U0ALICE", "U0ALICE");
    }

    @Test
    void aSlowSlackCostsTheFirstRequestAtMostTheWaitAndTheDefaultThenTheNextRequestGetsTheAnswer() {
        slow = true;
        long start = System.nanoTime();
        Locale first = locales.of("U0ALICE", Duration.ofMillis(100));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(first).isEqualTo(Locale.KOREAN);
        assertThat(tookMs).isLessThan(1_000);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> locales.of("U0ALICE").equals(Locale.ENGLISH));
        assertThat(asked).as("one look-up for the member, however many requests waited").containsExactly("U0ALICE");
    }

    @Test
    void aFailedLookUpIsTheDefaultAndNotTriedAgainBeforeTheFailureTtl() {
        down = true;
        assertThat(locales.of("U0ALICE")).isEqualTo(Locale.KOREAN);
        assertThat(locales.of("U0ALICE")).isEqualTo(Locale.KOREAN);
        assertThat(asked).hasSize(1);

        down = false;
        clock.advance(Duration.ofMinutes(2));
        locales.of("U0ALICE");
        await().atMost(Duration.ofSeconds(5)).until(() -> locales.of("U0ALICE").equals(Locale.ENGLISH));
    }

    @Test
    void aFailedRefreshKeepsTheKnownLanguage() {
        locales.of("U0ALICE");
        down = true;
        clock.advance(Duration.ofHours(7));
        locales.of("U0ALICE");
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 2);

        assertThat(locales.of("U0ALICE")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void itRemembersAtMostMaxMembers() {
        for (String member : List.of("U1", "U2", "U3", "U4", "U1")) {
            locales.of(member);
        }

        assertThat(asked).as("U1 was forgotten to make room").containsExactly("U1", "U2", "U3", "U4", "U1");
    }

    private Optional<String> ask(String userId) {
        asked.add(userId);
        if (slow) {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) {
            throw new IllegalStateException("Slack unreachable");
        }
        return Optional.ofNullable(slack.get(userId));
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

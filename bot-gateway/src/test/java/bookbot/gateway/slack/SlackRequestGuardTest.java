package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.slack.api.app_backend.SlackSignature;

class SlackRequestGuardTest {

    private static final String SECRET = "guard-secret";
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final String BODY = "command=%2Fbook&trigger_id=1";

    @Test
    void aFreshSignedRequestPassesOnceAndIsARepeatAfterThat() {
        SlackRequestGuard guard = guardAt(NOW);
        String timestamp = String.valueOf(NOW.getEpochSecond());

        assertThat(guard.check(timestamp, sign(timestamp, BODY), BODY)).isEqualTo(SlackRequestGuard.Verdict.FIRST);
        assertThat(guard.check(timestamp, sign(timestamp, BODY), BODY)).isEqualTo(SlackRequestGuard.Verdict.REPLAYED);
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayEitherWayAreNotFresh() {
        SlackRequestGuard guard = guardAt(NOW);
        for (Duration offset : new Duration[] {Duration.ofSeconds(-301), Duration.ofSeconds(301), Duration.ofDays(3650)}) {
            String timestamp = String.valueOf(NOW.plus(offset).getEpochSecond());
            assertThat(guard.check(timestamp, sign(timestamp, BODY), BODY)).as(offset.toString())
                    .isEqualTo(SlackRequestGuard.Verdict.NOT_FRESH);
        }
        for (String unreadable : new String[] {null, "", "yesterday", "1e9", "99999999999999999999"}) {
            assertThat(guard.check(unreadable, "v0=00", BODY)).as(unreadable).isEqualTo(SlackRequestGuard.Verdict.NOT_FRESH);
        }
    }

    @Test
    void aBadSignatureIsNotRememberedSoItCannotBlockTheRealRequest() {
        SlackRequestGuard guard = guardAt(NOW);
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String forged = new SlackSignature.Generator("other").generate(timestamp, BODY);

        assertThat(guard.check(timestamp, forged, BODY)).isEqualTo(SlackRequestGuard.Verdict.BAD_SIGNATURE);
        assertThat(guard.check(timestamp, null, BODY)).isEqualTo(SlackRequestGuard.Verdict.BAD_SIGNATURE);
        assertThat(guard.check(timestamp, sign(timestamp, BODY), BODY)).isEqualTo(SlackRequestGuard.Verdict.FIRST);
    }

    private static SlackRequestGuard guardAt(Instant now) {
        return new SlackRequestGuard(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String sign(String timestamp, String body) {
        return new SlackSignature.Generator(SECRET).generate(timestamp, body);
    }
}

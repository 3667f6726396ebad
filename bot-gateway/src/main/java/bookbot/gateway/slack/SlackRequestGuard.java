package bookbot.gateway.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.app_backend.SlackSignature;

/**
 * What Bolt's signature check leaves open, checked before Bolt sees a request: Bolt refuses timestamps older
 * than five minutes but not ones from the future, and accepts the same signed request as often as it is sent.
 * Here a request passes only with a timestamp within ±{@value #WINDOW_MINUTES} minutes, a valid signature, and
 * a signature not seen before in that window. Signatures are remembered only once verified, so nobody can fill
 * the memory without the signing secret; they are forgotten when their window closes.
 *
 * <p>Bolt verifies the signature again afterwards: a second HMAC costs microseconds, and Bolt's check stays the
 * one every request meets, including the warm-up request that does not come through the servlet.
 *
 * <p>The memory is this process's: a request replayed to another gateway instance passes here (the job is still
 * written once per page and message by the workers, but a second job would be queued).
 */
class SlackRequestGuard {

    static final int WINDOW_MINUTES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);

    enum Verdict {
        /** Fresh, signed, first seen: let Bolt have it. */
        FIRST,
        /** Timestamp missing, unreadable, or outside the window. */
        NOT_FRESH,
        /** The signature does not match the body and timestamp. */
        BAD_SIGNATURE,
        /** Exactly this signed request was already received within the window. */
        REPLAYED
    }

    private final SlackSignature.Verifier verifier;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.EPOCH;

    SlackRequestGuard(String signingSecret, Clock clock) {
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.clock = clock;
    }

    Verdict check(String timestamp, String signature, String body) {
        Instant now = clock.instant();
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp == null ? "" : timestamp.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Verdict.NOT_FRESH;
        }
        if (Duration.between(sent, now).abs().compareTo(WINDOW) > 0) {
            return Verdict.NOT_FRESH;
        }
        if (signature == null || !verifier.isValid(timestamp.strip(), body, signature, now.toEpochMilli())) {
            return Verdict.BAD_SIGNATURE;
        }
        forgetClosedWindows(now);
        return seen.putIfAbsent(signature, sent.plus(WINDOW)) == null ? Verdict.FIRST : Verdict.REPLAYED;
    }

    private void forgetClosedWindows(Instant now) {
        if (now.isAfter(nextSweep)) {
            nextSweep = now.plusSeconds(10);
            seen.values().removeIf(closesAt -> closesAt.isBefore(now));
        }
    }
}

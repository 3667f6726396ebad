package bookbot.core.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one place that decides whether a failed attempt is worth repeating.
 *
 * @param reason short stable code, see {@link PermanentFailure#reason()}
 */
public record Failure(boolean transientFailure, String reason, Throwable cause) {

    public static Failure of(Throwable error) {
        return switch (error) {
            case TransientFailure t -> new Failure(true, t.reason(), t);
            case PermanentFailure p -> new Failure(false, p.reason(), p);
            case IOException io -> new Failure(true, "io-error", io);
            case UncheckedIOException io -> new Failure(true, "io-error", io);
            // A bug or an unexpected answer: retried a bounded number of times, then dead-lettered with its trace.
            default -> new Failure(true, "unexpected-" + error.getClass().getSimpleName(), error);
        };
    }

    /** How long the remote side asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return cause instanceof TransientFailure t ? t.retryAfter() : Optional.empty();
    }

    public String describe() {
        return cause.getClass().getName() + ": " + cause.getMessage();
    }
}

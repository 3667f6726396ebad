package bookbot.core.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that is likely to pass (time-out, 5xx, rate limit): the job is tried again later.
 */
public class TransientFailure extends RuntimeException {

    private final String reason;
    private final Duration retryAfter;

    public TransientFailure(String reason, String message, Throwable cause) {
        this(reason, message, cause, null);
    }

    public TransientFailure(String reason, String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String reason() {
        return reason;
    }

    /** How long the remote side asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

package bookbot.core.failure;

/**
 * A failure that no retry can fix (bad data, bad configuration, a resource that does not exist):
 * the job goes to the dead-letter queue at once.
 */
public class PermanentFailure extends RuntimeException {

    private final String reason;

    public PermanentFailure(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A short, stable code for the kind of failure (e.g. "notion-unauthorized"), for filtering dead letters. */
    public String reason() {
        return reason;
    }
}

package bookbot.core.messaging;

/** Header names this project puts on messages. Not {@code x-} prefixed: RabbitMQ 4 drops client-set x- headers. */
public final class JobHeaders {

    /** Which attempt of the consuming stage this delivery is, starting at 1. */
    public static final String ATTEMPT = "bookbot-attempt";

    /** Dead letters: the stage that gave up, why, and who. */
    public static final String DEAD_STAGE = "bookbot-dead-stage";
    public static final String DEAD_QUEUE = "bookbot-dead-queue";
    public static final String DEAD_REASON = "bookbot-dead-reason";
    public static final String DEAD_ERROR = "bookbot-dead-error";
    public static final String DEAD_AT = "bookbot-dead-at";
    public static final String DEAD_WORKER = "bookbot-dead-worker";

    /** The last transient failure, on a message waiting in the retry queue. */
    public static final String LAST_ERROR = "bookbot-last-error";

    private JobHeaders() {
    }
}

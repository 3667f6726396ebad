package bookbot.core.messaging;

/** Header names this project puts on messages. Not {@code x-} prefixed: RabbitMQ 4 drops client-set x- headers. */
public final class JobHeaders {

    /**
     * Made by the gateway for each submission and copied onto every message of the job, including retries,
     * dead letters and replays: with the job id (the AMQP message id), it finds the job in every process's logs.
     */
    public static final String TRACE_ID = "bookbot-trace-id";

    /** Which attempt of the consuming stage this delivery is, starting at 1. */
    public static final String ATTEMPT = "bookbot-attempt";

    /** Names one dead letter for admins; set when the message is dead-lettered. */
    public static final String DEAD_LETTER_ID = "bookbot-dead-letter-id";

    /**
     * A replayed job's earlier deaths and replays, oldest first, as a JSON array (see
     * {@code bookbot.core.deadletter.PastDeath}); travels with the job so that it dies again with its history.
     */
    public static final String HISTORY = "bookbot-history";

    /** Dead letters: the stage that gave up, why, and who. */
    public static final String DEAD_STAGE = "bookbot-dead-stage";
    public static final String DEAD_QUEUE = "bookbot-dead-queue";
    public static final String DEAD_REASON = "bookbot-dead-reason";
    public static final String DEAD_ERROR = "bookbot-dead-error";
    public static final String DEAD_ROUTING_KEY = "bookbot-dead-routing-key";
    public static final String DEAD_WORKER = "bookbot-dead-worker";

    /**
     * On a message waiting for its next attempt: the tier queue it waits in now and that queue's wait (ms), and
     * the last failure.
     */
    public static final String RETRY_TIER = "bookbot-retry-tier";
    public static final String RETRY_DELAY_MS = "bookbot-retry-delay-ms";
    public static final String LAST_ERROR = "bookbot-last-error";

    /**
     * On a message waiting for its next attempt: when it is due (epoch milliseconds). A worker that receives it
     * earlier sends it back to wait, without running it.
     */
    public static final String RETRY_NOT_BEFORE = "bookbot-retry-not-before";

    /** When the first and the latest attempt of the current stage failed (ISO-8601). */
    public static final String FIRST_FAILED_AT = "bookbot-first-failed-at";
    public static final String LAST_FAILED_AT = "bookbot-last-failed-at";

    private JobHeaders() {
    }
}

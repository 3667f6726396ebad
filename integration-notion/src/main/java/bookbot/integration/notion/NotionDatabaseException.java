package bookbot.integration.notion;

/** Notion could not check or create a database; the message says what to do. */
public class NotionDatabaseException extends RuntimeException {

    public enum Kind {
        /** The token or the request was refused: a configuration error. */
        REFUSED,
        /** The database or page does not exist or is not shared with the integration. */
        NOT_FOUND,
        /** Notion could not answer now (network, 429, 5xx): try again later. */
        UNAVAILABLE
    }

    private final Kind kind;

    public NotionDatabaseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

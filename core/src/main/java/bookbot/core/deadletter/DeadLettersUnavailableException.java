package bookbot.core.deadletter;

/** The dead-letter queue cannot be read: the broker is unreachable or the queue does not exist. */
public class DeadLettersUnavailableException extends RuntimeException {

    public DeadLettersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

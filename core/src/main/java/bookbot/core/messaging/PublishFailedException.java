package bookbot.core.messaging;

/** The broker did not take a message: unreachable, nacked, unroutable, or no confirm in time. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

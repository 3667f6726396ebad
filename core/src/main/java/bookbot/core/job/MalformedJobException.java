package bookbot.core.job;

import bookbot.core.failure.PermanentFailure;

/** A message body that is not a job this version understands: retrying cannot help. */
public class MalformedJobException extends PermanentFailure {

    public MalformedJobException(String message, Throwable cause) {
        super("malformed-job", message, cause);
    }
}

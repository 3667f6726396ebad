package bookbot.core.worker;

import java.util.Optional;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.Stage;

/**
 * The work of one stage on one job. Throw {@link bookbot.core.failure.TransientFailure} or
 * {@link bookbot.core.failure.PermanentFailure} to say how a failure should be handled; anything else
 * counts as transient until the attempts run out.
 */
public interface StageHandler {

    Stage stage();

    /** @return the job to pass to the next stage, or empty when this stage is the last */
    Optional<BookJob> handle(BookJob job) throws Exception;
}

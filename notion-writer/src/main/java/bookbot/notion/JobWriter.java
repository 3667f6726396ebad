package bookbot.notion;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;

/**
 * What the write stage does with one kind of job. Each is idempotent by the job's id: a job may be delivered more
 * than once, and two copies of it may run at once.
 */
public interface JobWriter {

    JobKind kind();

    /** Does the job; a failure is thrown as core's {@code TransientFailure} or {@code PermanentFailure}. */
    void write(BookJob job);
}

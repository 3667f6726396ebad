package bookbot.core.worker;

import bookbot.core.job.BookJob;

/**
 * Told when a job has died for good, once the broker has confirmed its dead letter. The worker loop knows no
 * outside API: each service plugs in what should happen (the workers tell the member in Slack). A listener runs
 * on the consumer's thread and must not throw; a failure to tell is the listener's to log.
 */
public interface DeadJobListener {

    void jobDied(BookJob job, String reason);
}

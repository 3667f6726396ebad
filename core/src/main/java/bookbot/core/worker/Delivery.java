package bookbot.core.worker;

/**
 * What a stage knows of the delivery it is handling, beyond the job.
 *
 * @param attempt     1 for the first attempt, counting retries after failures
 * @param redelivered the broker delivered this message before (its consumer's connection or channel closed
 *                    before acknowledging it), so another copy of the attempt may have run or still be running
 */
public record Delivery(int attempt, boolean redelivered) {

    public static final Delivery FIRST = new Delivery(1, false);

    /** Whether an earlier try of this job may have left effects: a retry, or a message delivered again. */
    public boolean mayHaveRunBefore() {
        return attempt > 1 || redelivered;
    }
}

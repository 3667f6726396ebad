package bookbot.core.deadletter;

import java.util.List;

/**
 * What a replay or discard did.
 *
 * @param examined       dead letters in the snapshot
 * @param matched        how many the selection picked
 * @param done           how many were replayed (or discarded); 0 in a dry run
 * @param deadLetters    the ones the selection picked
 * @param skipped        picked but left in the queue, each with why
 * @param stoppedBecause why the operation stopped before the end, or null; everything not done is still dead
 */
public record BatchReport(String action, boolean dryRun, int examined, int matched, int done,
        List<DeadLetter> deadLetters, List<Skipped> skipped, String stoppedBecause) {

    public record Skipped(String id, String why) {
    }

    /** True when every picked dead letter was dealt with. */
    public boolean complete() {
        return dryRun || done == matched && stoppedBecause == null;
    }
}

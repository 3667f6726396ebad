package bookbot.core.deadletter;

import java.time.Instant;

/**
 * One earlier death of a job and the replay that brought it back; a replayed job carries all of them.
 *
 * @param replayedBy who replayed it: an operator's name, or what the admin API was told
 */
public record PastDeath(
        String deadLetterId,
        String stage,
        String reason,
        String error,
        int attempts,
        Instant firstFailedAt,
        Instant lastFailedAt,
        Instant replayedAt,
        String replayedBy) {
}

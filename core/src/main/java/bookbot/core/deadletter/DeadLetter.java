package bookbot.core.deadletter;

import java.time.Instant;

/**
 * A dead letter as admins list it.
 *
 * @param id       names it for {@code show}, {@code replay} and {@code discard}
 * @param stage    the stage that gave up ("enrich", "write"), or "unknown"
 * @param reason   short stable code of the failure (e.g. "notion-unauthorized"), for filtering
 * @param error    what went wrong, as the worker saw it
 * @param attempts attempts of the stage that failed
 * @param replays  how many times it was replayed before and died again
 */
public record DeadLetter(
        String id,
        String jobId,
        String title,
        String link,
        String member,
        String stage,
        String reason,
        String error,
        int attempts,
        Instant firstFailedAt,
        Instant lastFailedAt,
        int replays) {
}

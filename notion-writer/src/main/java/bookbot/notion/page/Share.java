package bookbot.notion.page;

import java.time.Instant;

import bookbot.core.job.BookJob;

/**
 * One member's recommendation on a book's page.
 *
 * @param jobId    the share's job id: what edits and withdrawals name, and the key of its idempotency
 * @param userId   the member's Slack user id; null on a page of a database without {@code recommender ids}
 * @param name     the member's name as the page shows it
 * @param sharedAt when the member shared it; null when the page does not say
 */
public record Share(String jobId, String userId, String name, String reason, Instant sharedAt) {

    public Share {
        name = name == null ? "" : name.replace(", ", ",").strip();
        reason = reason == null ? "" : reason;
    }

    /** The share a job makes (a share, or an edit of the share {@code shareJobId}). */
    public static Share of(BookJob job, String shareJobId) {
        return new Share(shareJobId, job.recommendation().userId(), job.recommenderDisplayName(),
                job.recommendation().reason(), job.submittedAt());
    }

    /** The same share with what an edit says now. */
    public Share edited(String newName, String newReason) {
        return new Share(jobId, userId, newName, newReason, sharedAt);
    }
}

package bookbot.core.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One book recommendation on its way from Slack to Notion, or a change to one, or a digest: the only message type
 * of the pipeline. The gateway (or the writer's digest schedule) creates it; each stage returns a copy with what it
 * learned. Serialised by {@link JobCodec}.
 *
 * @param schemaVersion  version of this JSON shape; a stage refuses versions it does not know. A share is written
 *                       as version 1, which workers of the previous release read; other kinds as version 2, which
 *                       those workers dead-letter (replayable once every worker is upgraded) instead of taking an
 *                       edit for a share
 * @param jobId          given by the gateway, derived from the Slack submission (the same form submitted twice is
 *                       the same job); the AMQP message id and the idempotency key of every effect
 * @param locale         language of the texts the member sees (a message-bundle locale tag, e.g. "en", "ko")
 * @param book           filled by the enrich stage, null before
 * @param recommendation what the member typed; null only for a {@link JobKind#DIGEST} or {@link JobKind#HOME}
 * @param recommenderName filled by the enrich stage, null before
 * @param kind           what the job asks for; {@link JobKind#SHARE} when absent (version 1)
 * @param subject        what an edit or a withdrawal changes (the share's job id), the month of a digest; null for a
 *                       share
 */
public record BookJob(
        int schemaVersion,
        String jobId,
        Instant submittedAt,
        String locale,
        Recommendation recommendation,
        BookMetadata book,
        String recommenderName,
        JobKind kind,
        String subject) {

    /** The newest version this build writes and reads. */
    public static final int SCHEMA_VERSION = 2;
    /** The version of a share, the only kind the previous release knew. */
    public static final int SHARE_SCHEMA_VERSION = 1;

    public BookJob {
        requireText(jobId, "jobId");
        Objects.requireNonNull(submittedAt, "submittedAt is required");
        kind = kind == null ? JobKind.SHARE : kind;
        if (kind != JobKind.DIGEST && kind != JobKind.HOME) {
            Objects.requireNonNull(recommendation, "recommendation is required");
        }
        if (kind != JobKind.SHARE) {
            requireText(subject, "subject");
        }
        locale = locale == null || locale.isBlank() ? "en" : locale;
    }

    /**
     * A job as the gateway queues it. The id is the caller's to choose: the gateway derives it from the Slack
     * submission, so that submitting the same form again (after a "not saved" whose publish did reach the broker)
     * is the same job and the writer's idempotency by job id makes one page of the two.
     */
    public static BookJob submitted(String jobId, Recommendation recommendation, String locale, Instant now) {
        return new BookJob(SHARE_SCHEMA_VERSION, jobId, now, locale, recommendation, null, null, JobKind.SHARE, null);
    }

    /** A member's edit of the share {@code sharedJobId}: the recommendation as it should read now. */
    public static BookJob edit(String jobId, String sharedJobId, Recommendation recommendation, String locale,
            Instant now) {
        return new BookJob(SCHEMA_VERSION, jobId, now, locale, recommendation, null, null, JobKind.EDIT, sharedJobId);
    }

    /** A member's withdrawal of the share {@code sharedJobId}; the recommendation is the share's, as last shown. */
    public static BookJob withdraw(String jobId, String sharedJobId, Recommendation recommendation, String locale,
            Instant now) {
        return new BookJob(SCHEMA_VERSION, jobId, now, locale, recommendation, null, null, JobKind.WITHDRAW,
                sharedJobId);
    }

    /** The digest of {@code month}: its id is the month's, so every copy of it is the same job. */
    public static BookJob digest(java.time.YearMonth month, String locale, Instant now) {
        return new BookJob(SCHEMA_VERSION, "digest-" + month, now, locale, null, null, null, JobKind.DIGEST,
                month.toString());
    }

    /**
     * A member opened Home: {@code jobId} names this opening (Slack's event id), the member's Home is published by
     * the writer in the member's language.
     */
    public static BookJob home(String jobId, String userId, String locale, Instant now) {
        return new BookJob(SCHEMA_VERSION, jobId, now, locale, null, null, null, JobKind.HOME, userId);
    }

    public BookJob enriched(BookMetadata book, String recommenderName) {
        return new BookJob(schemaVersion, jobId, submittedAt, locale, recommendation, book, recommenderName, kind,
                subject);
    }

    /** The title to show: the member's own title wins over the link's metadata, the link is the last resort. */
    public String displayTitle() {
        if (recommendation == null) {
            return jobId;
        }
        if (recommendation.titleOverride() != null) {
            return recommendation.titleOverride();
        }
        if (book != null && book.title() != null) {
            return book.title();
        }
        return recommendation.bookUrl();
    }

    /** Who recommended the book, as people read it; the Slack user id until the enrich stage found a name. */
    public String recommenderDisplayName() {
        if (recommenderName != null || recommendation == null) {
            return recommenderName;
        }
        return recommendation.userId();
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}

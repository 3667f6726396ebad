package bookbot.core.job;

import java.time.Instant;
import java.util.Objects;

/**
 * One book recommendation on its way from Slack to Notion: the only message type of the pipeline.
 * The gateway creates it; each stage returns a copy with what it learned. Serialised by {@link JobCodec}.
 *
 * @param schemaVersion  version of this JSON shape; a stage refuses versions it does not know
 * @param jobId          given by the gateway, derived from the Slack submission (the same form submitted twice is
 *                       the same job); the AMQP message id and the idempotency key of every effect
 * @param locale         language of the texts the member sees (a message-bundle locale tag, e.g. "en", "ko")
 * @param book           filled by the enrich stage, null before
 * @param recommenderName filled by the enrich stage, null before
 */
public record BookJob(
        int schemaVersion,
        String jobId,
        Instant submittedAt,
        String locale,
        Recommendation recommendation,
        BookMetadata book,
        String recommenderName) {

    public static final int SCHEMA_VERSION = 1;

    public BookJob {
        requireText(jobId, "jobId");
        Objects.requireNonNull(submittedAt, "submittedAt is required");
        Objects.requireNonNull(recommendation, "recommendation is required");
        locale = locale == null || locale.isBlank() ? "en" : locale;
    }

    /**
     * A job as the gateway queues it. The id is the caller's to choose: the gateway derives it from the Slack
     * submission, so that submitting the same form again (after a "not saved" whose publish did reach the broker)
     * is the same job and the writer's idempotency by job id makes one page of the two.
     */
    public static BookJob submitted(String jobId, Recommendation recommendation, String locale, Instant now) {
        return new BookJob(SCHEMA_VERSION, jobId, now, locale, recommendation, null, null);
    }

    public BookJob enriched(BookMetadata book, String recommenderName) {
        return new BookJob(schemaVersion, jobId, submittedAt, locale, recommendation, book, recommenderName);
    }

    /** The title to show: the member's own title wins over the link's metadata, the link is the last resort. */
    public String displayTitle() {
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
        return recommenderName != null ? recommenderName : recommendation.userId();
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}

package bookbot.core.job;

/**
 * What a job asks of the pipeline. Every kind travels as a {@link BookJob}, with its own id, and is retried,
 * dead-lettered and replayed the same way; the writer acts on it by kind.
 */
public enum JobKind {
    /** A member shares a book: a page (or a recommendation added to the book's page) and a channel message. */
    SHARE(true),
    /** A member changes what they shared ({@link BookJob#subject()}: the share's job id); the link is looked up again. */
    EDIT(true),
    /** A member takes back what they shared ({@link BookJob#subject()}: the share's job id). */
    WITHDRAW(false),
    /** The channel's digest of a month ({@link BookJob#subject()}: {@code YYYY-MM}); it has no recommendation. */
    DIGEST(false),
    /**
     * A member opened the app's Home tab ({@link BookJob#subject()}: the member's user id): the writer publishes it
     * from what it already knows. No recommendation; a failed one is retried like any job.
     */
    HOME(false);

    private final boolean hasLink;

    JobKind(boolean hasLink) {
        this.hasLink = hasLink;
    }

    /** Whether the job carries a link to look up: only those go through the enrich stage. */
    public boolean hasLink() {
        return hasLink;
    }
}

package bookbot.integration.notion;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The names of the database's properties, so that a club can keep its own. The defaults are the original
 * bot's, plus {@code Job ID} (the idempotency key), {@code recommended at} and {@code Slack message} (where the
 * writer remembers the channel message it posted, so that a job delivered again never posts a second one).
 * One page per book adds {@code Book key} (which book the page is about, {@link bookbot.core.job.BookKey}),
 * {@code recommender ids} and {@code shared at} (per share, in the order of {@code Job ID}), and {@code author}.
 */
public record PropertyNames(
        @DefaultValue("title") String title,
        @DefaultValue("URL") String url,
        @DefaultValue("category") String category,
        @DefaultValue("recommender") String recommender,
        @DefaultValue("recommend reason") String reason,
        @DefaultValue("Job ID") String jobId,
        @DefaultValue("recommended at") String recommendedAt,
        @DefaultValue("Slack message") String slackMessage,
        @DefaultValue("Book key") String bookKey,
        @DefaultValue("recommender ids") String recommenderIds,
        @DefaultValue("shared at") String sharedAt,
        @DefaultValue("author") String author) {

    public static final PropertyNames DEFAULTS = new PropertyNames("title", "URL", "category", "recommender",
            "recommend reason", "Job ID", "recommended at", "Slack message", "Book key", "recommender ids",
            "shared at", "author");
}

package bookbot.integration.notion;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The names of the database's properties, so that a club can keep its own. The defaults are the original
 * bot's, plus {@code Job ID} (the idempotency key), {@code recommended at} and {@code Slack message} (where the
 * writer remembers the channel message it posted, so that a job delivered again never posts a second one);
 * optional: {@code recommender ids} (the members' Slack user ids, in the order of {@code recommender}) and
 * {@code shared at} (when each of them shared the book), which the digest and the Home tab read where present.
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
        @DefaultValue("recommender ids") String recommenderIds,
        @DefaultValue("shared at") String sharedAt) {

    public static final PropertyNames DEFAULTS = new PropertyNames("title", "URL", "category", "recommender",
            "recommend reason", "Job ID", "recommended at", "Slack message", "recommender ids", "shared at");
}

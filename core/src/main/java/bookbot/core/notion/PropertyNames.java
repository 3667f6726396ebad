package bookbot.core.notion;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The names of the database's properties, so that a club can keep its own. The defaults are the original
 * bot's, plus {@code Job ID} (the idempotency key) and {@code recommended at}.
 */
public record PropertyNames(
        @DefaultValue("title") String title,
        @DefaultValue("URL") String url,
        @DefaultValue("category") String category,
        @DefaultValue("recommender") String recommender,
        @DefaultValue("recommend reason") String reason,
        @DefaultValue("Job ID") String jobId,
        @DefaultValue("recommended at") String recommendedAt) {

    public static final PropertyNames DEFAULTS = new PropertyNames("title", "URL", "category", "recommender",
            "recommend reason", "Job ID", "recommended at");
}

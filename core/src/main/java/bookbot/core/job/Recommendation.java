package bookbot.core.job;

import static bookbot.core.job.BookJob.requireText;

import java.util.Objects;

/**
 * What the member typed into the form, plus where they typed it.
 *
 * @param titleOverride the member's own title for links whose page has poor metadata; null when not given
 */
public record Recommendation(
        String teamId,
        String channelId,
        String userId,
        String bookUrl,
        Category category,
        String reason,
        String titleOverride) {

    public Recommendation {
        requireText(channelId, "recommendation.channelId");
        requireText(userId, "recommendation.userId");
        requireText(bookUrl, "recommendation.bookUrl");
        Objects.requireNonNull(category, "recommendation.category is required");
        requireText(reason, "recommendation.reason");
        titleOverride = titleOverride == null || titleOverride.isBlank() ? null : titleOverride.strip();
    }
}

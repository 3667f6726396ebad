package bookbot.notion.page;

import java.time.Instant;

/**
 * The Notion page of one recommendation.
 *
 * @param createdAt when Notion created it (Notion rounds this to the minute)
 */
public record BookPage(String id, String url, Instant createdAt) {
}

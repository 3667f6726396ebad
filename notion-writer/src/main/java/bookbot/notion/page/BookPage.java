package bookbot.notion.page;

import java.time.Instant;

/**
 * The Notion page of one recommendation.
 *
 * @param createdAt    when Notion created it (Notion rounds this to the minute)
 * @param announcement what the page remembers of its channel message
 */
public record BookPage(String id, String url, Instant createdAt, Announcement announcement) {

    public boolean posted() {
        return announcement instanceof Announcement.Posted;
    }
}

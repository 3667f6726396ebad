package bookbot.gateway.submission;

import bookbot.core.job.Category;

/**
 * A share as its channel message describes it (the writer's message metadata), with where that message is.
 *
 * @param jobId  the share's job id
 * @param userId the member who shared it: the only one who may change it
 * @param title  the member's own title, or null
 */
public record SharedBook(String jobId, String teamId, String channelId, String messageTs, String userId, String url,
        Category category, String reason, String title) {
}

package bookbot.gateway.slack;

import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.Message;

import bookbot.core.job.Category;
import bookbot.gateway.submission.SharedBook;

/**
 * Reads a share's channel message back from a press of its menu: the writer's message metadata
 * ({@code event_type} {@code bookbot_share}) says whose share it is and what it said; the payload's container says
 * where the message is.
 */
final class ShareMetadata {

    static final String EVENT_TYPE = "bookbot_share";

    private ShareMetadata() {
    }

    /** Empty for a message that is not a share bookbot announced, or whose metadata lacks a part. */
    static Optional<SharedBook> read(BlockActionPayload payload) {
        Message message = payload.getMessage();
        if (message == null || message.getMetadata() == null
                || !EVENT_TYPE.equals(message.getMetadata().getEventType())
                || message.getMetadata().getEventPayload() == null) {
            return Optional.empty();
        }
        Map<String, Object> fields = message.getMetadata().getEventPayload();
        String channelId = payload.getContainer() != null && payload.getContainer().getChannelId() != null
                ? payload.getContainer().getChannelId()
                : payload.getChannel() == null ? null : payload.getChannel().getId();
        String messageTs = payload.getContainer() != null && payload.getContainer().getMessageTs() != null
                ? payload.getContainer().getMessageTs() : message.getTs();
        String teamId = text(fields, "team_id");
        if (teamId == null && payload.getTeam() != null) {
            teamId = payload.getTeam().getId();
        }
        String[] required = {text(fields, "job_id"), text(fields, "user_id"), text(fields, "url"),
                text(fields, "category_group"), text(fields, "category_name"), text(fields, "reason"), channelId,
                messageTs};
        for (String part : required) {
            if (part == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new SharedBook(text(fields, "job_id"), teamId, channelId, messageTs,
                text(fields, "user_id"), text(fields, "url"),
                new Category(text(fields, "category_group"), text(fields, "category_name")), text(fields, "reason"),
                text(fields, "title")));
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}

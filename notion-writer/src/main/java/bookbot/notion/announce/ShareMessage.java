package bookbot.notion.announce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.OverflowMenuElement;

import bookbot.core.job.BookJob;

/**
 * A share's channel message as the gateway reads it back: the text (also the fallback), a section with the
 * share's menu ({@code bookbot_share_menu}: edit, withdraw) and the share in the message's metadata
 * ({@code bookbot_share}), which says whose share it is and pre-fills the edit form.
 */
final class ShareMessage {

    static final String EVENT_TYPE = "bookbot_share";
    static final String MENU_ACTION = "bookbot_share_menu";
    static final String JOB_ID = "job_id";
    /** Slack's limit on a section's text; the message's text (its fallback) keeps all of it. */
    private static final int SECTION_LIMIT = 3000;

    private ShareMessage() {
    }

    /** The section with the share's menu, or without it (a withdrawn share). */
    static List<LayoutBlock> blocks(String text, boolean withMenu, MessageSource messages, Locale locale) {
        SectionBlock.SectionBlockBuilder section = SectionBlock.builder()
                .text(MarkdownTextObject.builder().text(truncate(text)).build());
        if (withMenu) {
            section.accessory(OverflowMenuElement.builder().actionId(MENU_ACTION).options(List.of(
                    option(messages.getMessage("menu.edit", null, locale), "edit"),
                    option(messages.getMessage("menu.withdraw", null, locale), "withdraw"))).build());
        }
        return List.of(section.build());
    }

    /**
     * @param job        the share, or an edit of it (whose recommendation is the share's as it reads now)
     * @param shareJobId the share's job id: an edit's message keeps naming the share
     */
    static Message.Metadata metadata(BookJob job, String shareJobId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(JOB_ID, shareJobId);
        payload.put("user_id", job.recommendation().userId());
        if (job.recommendation().teamId() != null) {
            payload.put("team_id", job.recommendation().teamId());
        }
        payload.put("url", job.recommendation().bookUrl());
        payload.put("category_group", job.recommendation().category().group());
        payload.put("category_name", job.recommendation().category().name());
        payload.put("reason", job.recommendation().reason());
        if (job.recommendation().titleOverride() != null) {
            payload.put("title", job.recommendation().titleOverride());
        }
        return new Message.Metadata(EVENT_TYPE, payload);
    }

    /** The share's job id in a message's metadata, or null for a message without bookbot's. */
    static String jobIdOf(Message message) {
        Message.Metadata metadata = message.getMetadata();
        if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
            return null;
        }
        return metadata.getEventPayload().get(JOB_ID) instanceof String jobId ? jobId : null;
    }

    private static OptionObject option(String label, String value) {
        return OptionObject.builder().text(PlainTextObject.builder().text(label).build()).value(value).build();
    }

    private static String truncate(String text) {
        if (text.length() <= SECTION_LIMIT) {
            return text;
        }
        int end = SECTION_LIMIT - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}

package bookbot.notion.digest;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;

import bookbot.core.digest.DigestMessage;
import bookbot.integration.slack.SlackFailures;

/**
 * Posts a digest to the channel: one section block per section, and metadata {@code bookbot_digest} with the
 * month, by which the digest is found in the channel's history ({@link #isDigestOf}).
 */
class DigestPoster {

    static final String EVENT_TYPE = "bookbot_digest";
    private static final Logger log = LoggerFactory.getLogger(DigestPoster.class);

    private final MethodsClient slack;

    DigestPoster(MethodsClient slack) {
        this.slack = slack;
    }

    void post(String channel, YearMonth month, DigestMessage message) {
        List<LayoutBlock> blocks = message.sections().stream().<LayoutBlock>map(section -> SectionBlock.builder()
                .text(MarkdownTextObject.builder().text(section).build()).build()).toList();
        Message.Metadata metadata = Message.Metadata.builder().eventType(EVENT_TYPE)
                .eventPayload(Map.of("month", month.toString())).build();
        ChatPostMessageResponse response;
        try {
            response = slack.chatPostMessage(r -> r.channel(channel).text(message.text()).blocks(blocks)
                    .metadata(metadata).unfurlLinks(false).unfurlMedia(false));
        } catch (Exception e) {
            throw SlackFailures.translate("chat.postMessage", e);
        }
        SlackFailures.requireOk("chat.postMessage", response);
        log.info("digest of {} posted in {} (ts {})", month, response.getChannel(), response.getTs());
    }

    static boolean isDigestOf(Message message, YearMonth month) {
        Message.Metadata metadata = message.getMetadata();
        return metadata != null && EVENT_TYPE.equals(metadata.getEventType()) && metadata.getEventPayload() != null
                && month.toString().equals(String.valueOf(metadata.getEventPayload().get("month")));
    }
}

package bookbot.gateway.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;

/** A message only one member sees, posted after Slack got its answer (chat.postEphemeral, scope chat:write). */
@Component
class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final MethodsClient slack;
    private final AfterAck afterAck;

    Notices(MethodsClient slack, AfterAck afterAck) {
        this.slack = slack;
        this.afterAck = afterAck;
    }

    void tell(String channelId, String userId, String text) {
        afterAck.run("notice to " + userId, () -> {
            ChatPostEphemeralResponse posted;
            try {
                posted = slack.chatPostEphemeral(r -> r.channel(channelId).user(userId).text(text));
            } catch (Exception e) {
                log.warn("could not tell {} in {}: {}", userId, channelId, e.toString());
                return;
            }
            if (!posted.isOk()) {
                log.warn("could not tell {} in {}: {}", userId, channelId, posted.getError());
            }
        });
    }
}

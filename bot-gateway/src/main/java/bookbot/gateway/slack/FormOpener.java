package bookbot.gateway.slack;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;

/**
 * Opens a modal with views.open, right away: a trigger id dies 3 s after Slack sent it, so this is the Web API call
 * the gateway makes inside a request.
 */
@Component
class FormOpener {

    private static final Logger log = LoggerFactory.getLogger(FormOpener.class);

    /** @return empty when the modal is open, else what went wrong (Slack's error code or the exception's name) */
    Optional<String> open(MethodsClient client, String triggerId, View view, String userId) {
        String problem;
        try {
            ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (opened.isOk()) {
                return Optional.empty();
            }
            problem = opened.getError();
        } catch (Exception e) {
            problem = e.getClass().getSimpleName();
        }
        log.warn("could not open the form {} for {}: {}", view.getCallbackId(), userId, problem);
        return Optional.of(problem);
    }
}

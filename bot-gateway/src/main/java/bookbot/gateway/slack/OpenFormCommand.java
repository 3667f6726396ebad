package bookbot.gateway.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;

import bookbot.gateway.GatewaySettings;
import bookbot.gateway.form.BookModal;

/**
 * {@code /book}: opens the form right away. The trigger id dies 3 s after Slack sent it, so this is the one
 * Web API call the gateway makes inside a request.
 */
@Component
class OpenFormCommand implements SlashCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(OpenFormCommand.class);

    private final BookModal modal;
    private final GatewaySettings settings;
    private final FieldErrorTexts texts;

    OpenFormCommand(BookModal modal, GatewaySettings settings, FieldErrorTexts texts) {
        this.modal = modal;
        this.settings = settings;
        this.texts = texts;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        String problem;
        try {
            ViewsOpenResponse opened = context.client().viewsOpen(r -> r
                    .triggerId(payload.getTriggerId())
                    .view(modal.build(payload.getChannelId(), settings.locale())));
            if (opened.isOk()) {
                return context.ack();
            }
            problem = opened.getError();
        } catch (Exception e) {
            problem = e.getClass().getSimpleName();
        }
        log.warn("could not open the form for {} in {}: {}", payload.getUserId(), payload.getChannelId(), problem);
        return context.ack(texts.text("command.form-failed", problem));
    }
}

package bookbot.gateway.slack;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

import bookbot.gateway.form.BookModal;
import bookbot.gateway.member.MemberLocales;

/** {@code /book}: opens the form right away, in the member's language. */
@Component
class OpenFormCommand implements SlashCommandHandler {

    private final BookModal modal;
    private final FormOpener opener;
    private final MemberLocales locales;
    private final FieldErrorTexts texts;

    OpenFormCommand(BookModal modal, FormOpener opener, MemberLocales locales, FieldErrorTexts texts) {
        this.modal = modal;
        this.opener = opener;
        this.locales = locales;
        this.texts = texts;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        Locale locale = locales.of(payload.getUserId());
        return opener.open(context.client(), payload.getTriggerId(), modal.build(payload.getChannelId(), locale),
                        payload.getUserId())
                .map(problem -> context.ack(texts.text(locale, "command.form-failed", problem)))
                .orElseGet(context::ack);
    }
}

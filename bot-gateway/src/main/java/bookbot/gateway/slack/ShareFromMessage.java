package bookbot.gateway.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Attachment;
import com.slack.api.model.Message;

import bookbot.gateway.form.BookModal;
import bookbot.gateway.form.FormInput;
import bookbot.gateway.form.FormValidator;
import bookbot.gateway.member.MemberLocales;

/**
 * "Share this book" on any message: the share form, opened in the message's channel with the message's first link
 * the form would accept (a store link; a message without one leaves the link empty) and its text as the reason.
 */
@Component
class ShareFromMessage implements MessageShortcutHandler {

    static final String CALLBACK_ID = "share_from_message";

    private final BookModal modal;
    private final FormValidator validator;
    private final FormOpener opener;
    private final MemberLocales locales;
    private final Notices notices;
    private final FieldErrorTexts texts;

    ShareFromMessage(BookModal modal, FormValidator validator, FormOpener opener, MemberLocales locales,
            Notices notices, FieldErrorTexts texts) {
        this.modal = modal;
        this.validator = validator;
        this.opener = opener;
        this.locales = locales;
        this.notices = notices;
        this.texts = texts;
    }

    @Override
    public Response apply(MessageShortcutRequest request, MessageShortcutContext context) {
        MessageShortcutPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        Locale locale = locales.of(userId);
        Message message = payload.getMessage();
        String text = message == null ? null : message.getText();
        FormInput prefill = new FormInput(firstAllowedLink(message), null, MessageText.plain(text), null);
        String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
        opener.open(context.client(), payload.getTriggerId(), modal.share(channelId, prefill, locale), userId)
                .ifPresent(problem -> notices.tell(channelId, userId, texts.text(locale, "command.form-failed", problem)));
        // A shortcut's answer shows the member nothing: a form that did not open is told by a notice.
        return context.ack();
    }

    private String firstAllowedLink(Message message) {
        if (message == null) {
            return null;
        }
        List<String> candidates = new ArrayList<>(MessageText.links(message.getText()));
        if (message.getAttachments() != null) {
            for (Attachment attachment : message.getAttachments()) {
                addIfPresent(candidates, attachment.getFromUrl());
                addIfPresent(candidates, attachment.getOriginalUrl());
                addIfPresent(candidates, attachment.getTitleLink());
            }
        }
        return candidates.stream().filter(validator::acceptsLink).findFirst().orElse(null);
    }

    private static void addIfPresent(List<String> candidates, String link) {
        if (link != null && !link.isBlank()) {
            candidates.add(link);
        }
    }
}

package bookbot.gateway.slack;

import org.springframework.stereotype.Component;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.GlobalShortcutContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.GlobalShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;

import bookbot.gateway.form.BookModal;
import bookbot.gateway.form.FormInput;
import bookbot.gateway.member.MemberLocales;

/**
 * The empty share form, opened outside any conversation: from the shortcut menu ("Share a book") or the Home tab's
 * button. It asks for the channel, offering the configured default channel first.
 */
@Component
class OpenEmptyForm {

    static final String SHORTCUT_CALLBACK_ID = "share_book";
    static final String HOME_BUTTON_ACTION_ID = "bookbot_share_book";

    private final BookModal modal;
    private final FormOpener opener;
    private final MemberLocales locales;

    OpenEmptyForm(BookModal modal, FormOpener opener, MemberLocales locales) {
        this.modal = modal;
        this.opener = opener;
        this.locales = locales;
    }

    Response fromShortcut(GlobalShortcutRequest request, GlobalShortcutContext context) {
        var payload = request.getPayload();
        open(context.client(), payload.getTriggerId(), payload.getUser().getId());
        return context.ack();
    }

    Response fromHome(BlockActionRequest request, ActionContext context) {
        var payload = request.getPayload();
        open(context.client(), payload.getTriggerId(), payload.getUser().getId());
        return context.ack();
    }

    private void open(MethodsClient client, String triggerId, String userId) {
        opener.open(client, triggerId, modal.share(null, FormInput.EMPTY, locales.of(userId)), userId);
    }
}

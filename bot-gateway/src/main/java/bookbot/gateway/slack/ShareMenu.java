package bookbot.gateway.slack;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

import bookbot.gateway.form.BookModal;
import bookbot.gateway.form.EditTarget;
import bookbot.gateway.form.FormInput;
import bookbot.gateway.form.Taxonomy;
import bookbot.gateway.member.MemberLocales;
import bookbot.gateway.submission.SharedBook;
import bookbot.gateway.submission.Withdrawals;

/**
 * The menu on a share's channel message: "Edit" opens the form filled with the share, "Withdraw" queues its
 * withdrawal. Only the member who shared the book may do either; anyone else is told so (only they see it) and
 * nothing is queued. Notices are posted after Slack got its answer.
 */
@Component
class ShareMenu implements BlockActionHandler {

    static final String ACTION_ID = "bookbot_share_menu";
    static final String EDIT = "edit";
    static final String WITHDRAW = "withdraw";

    private static final Logger log = LoggerFactory.getLogger(ShareMenu.class);

    private final BookModal modal;
    private final FormOpener opener;
    private final Withdrawals withdrawals;
    private final MemberLocales locales;
    private final Notices notices;
    private final FieldErrorTexts texts;

    ShareMenu(BookModal modal, FormOpener opener, Withdrawals withdrawals, MemberLocales locales, Notices notices,
            FieldErrorTexts texts) {
        this.modal = modal;
        this.opener = opener;
        this.withdrawals = withdrawals;
        this.locales = locales;
        this.notices = notices;
        this.texts = texts;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String actorId = payload.getUser().getId();
        Locale locale = locales.of(actorId);
        String channelId = payload.getContainer() != null && payload.getContainer().getChannelId() != null
                ? payload.getContainer().getChannelId()
                : payload.getChannel() == null ? null : payload.getChannel().getId();
        Optional<SharedBook> read = ShareMetadata.read(payload);
        if (read.isEmpty()) {
            log.warn("{} used the share menu on a message without a share's metadata in {}", actorId, channelId);
            notices.tell(channelId, actorId, texts.text(locale, "menu.unknown"));
            return context.ack();
        }
        SharedBook share = read.get();
        if (!share.userId().equals(actorId)) {
            log.info("{} may not change {}'s share {}", actorId, share.userId(), share.jobId());
            notices.tell(channelId, actorId, texts.text(locale, "menu.not-yours", share.userId()));
            return context.ack();
        }
        switch (selected(payload)) {
            case EDIT -> edit(context, payload, share, locale);
            case WITHDRAW -> withdraw(share, locale);
            default -> log.warn("unknown share menu option from {}: {}", actorId, selected(payload));
        }
        return context.ack();
    }

    private void edit(ActionContext context, BlockActionPayload payload, SharedBook share, Locale locale) {
        FormInput prefill = new FormInput(share.url(),
                Taxonomy.valueOf(share.category().group(), share.category().name()), share.reason(), share.title());
        opener.open(context.client(), payload.getTriggerId(),
                        modal.edit(new EditTarget(share.jobId(), share.channelId()), prefill, locale), share.userId())
                .ifPresent(problem -> notices.tell(share.channelId(), share.userId(),
                        texts.text(locale, "command.form-failed", problem)));
    }

    private void withdraw(SharedBook share, Locale locale) {
        String notice = withdrawals.withdraw(share, locale) ? "menu.withdrawing" : "menu.not-saved";
        notices.tell(share.channelId(), share.userId(), texts.text(locale, notice));
    }

    private static String selected(BlockActionPayload payload) {
        return payload.getActions() == null ? "" : payload.getActions().stream()
                .filter(a -> ACTION_ID.equals(a.getActionId()))
                .map(a -> a.getSelectedOption() == null ? a.getValue() : a.getSelectedOption().getValue())
                .filter(v -> v != null)
                .findFirst().orElse("");
    }
}

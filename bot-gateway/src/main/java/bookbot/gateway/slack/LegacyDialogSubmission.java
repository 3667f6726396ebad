package bookbot.gateway.slack;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.slack.api.app_backend.dialogs.payload.DialogSubmissionPayload;
import com.slack.api.app_backend.dialogs.response.Error;
import com.slack.api.bolt.context.builtin.DialogSubmissionContext;
import com.slack.api.bolt.handler.builtin.DialogSubmissionHandler;
import com.slack.api.bolt.request.builtin.DialogSubmissionRequest;
import com.slack.api.bolt.response.Response;

import bookbot.gateway.form.FieldError;
import bookbot.gateway.form.FormField;
import bookbot.gateway.form.FormInput;
import bookbot.gateway.member.MemberLocales;
import bookbot.gateway.submission.BookSubmissions;
import bookbot.gateway.submission.SlackOrigin;
import bookbot.gateway.submission.SubmissionOutcome;

/**
 * The original bot's legacy dialog (fields {@code bookstore_url}, {@code category}, {@code recommend_reason}),
 * accepted with the same checks so that dialogs opened before the migration still work.
 */
@Component
class LegacyDialogSubmission implements DialogSubmissionHandler {

    private final BookSubmissions submissions;
    private final FieldErrorTexts texts;
    private final MemberLocales locales;

    LegacyDialogSubmission(BookSubmissions submissions, FieldErrorTexts texts, MemberLocales locales) {
        this.submissions = submissions;
        this.texts = texts;
        this.locales = locales;
    }

    @Override
    public Response apply(DialogSubmissionRequest request, DialogSubmissionContext context) {
        DialogSubmissionPayload payload = request.getPayload();
        Map<String, String> fields = payload.getSubmission() == null ? Map.of() : payload.getSubmission();
        FormInput input = new FormInput(
                fields.get(FormField.BOOK_LINK.dialogName()),
                fields.get(FormField.CATEGORY.dialogName()),
                fields.get(FormField.REASON.dialogName()),
                fields.get(FormField.TITLE.dialogName()));
        SlackOrigin origin = new SlackOrigin(payload.getTeam() == null ? null : payload.getTeam().getId(),
                payload.getChannel().getId(), payload.getUser().getId(),
                new SlackOrigin.LegacyDialog(payload.getCallbackId(), payload.getState(), fields));
        Locale locale = locales.of(origin.userId());
        return switch (submissions.submit(input, origin, locale)) {
            case SubmissionOutcome.Accepted accepted -> context.ack();
            case SubmissionOutcome.Rejected rejected -> context.ack(dialogErrors(rejected.errors(), locale));
            case SubmissionOutcome.NotSaved notSaved -> context.ack(dialogErrors(List.of(notSaved.error()), locale));
        };
    }

    private List<Error> dialogErrors(List<FieldError> errors, Locale locale) {
        return texts.firstPerField(errors).stream()
                .map(error -> Error.builder().name(error.field().dialogName()).error(texts.text(error, locale)).build())
                .toList();
    }
}

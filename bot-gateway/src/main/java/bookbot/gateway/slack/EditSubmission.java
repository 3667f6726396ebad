package bookbot.gateway.slack;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;

import bookbot.gateway.form.BookModal;
import bookbot.gateway.form.EditTarget;
import bookbot.gateway.member.MemberLocales;
import bookbot.gateway.submission.BookSubmissions;
import bookbot.gateway.submission.SlackOrigin;

/**
 * The member saved the edit form of one of their shares: checked like a share, queued as an EDIT job of the share
 * the form names. The form was only opened for the sharer; the writer checks again that the share is theirs.
 */
@Component
class EditSubmission implements ViewSubmissionHandler {

    private final BookSubmissions submissions;
    private final MemberLocales locales;
    private final SubmissionAnswers answers;

    EditSubmission(BookSubmissions submissions, MemberLocales locales, SubmissionAnswers answers) {
        this.submissions = submissions;
        this.locales = locales;
        this.answers = answers;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String viewId = payload.getView().getId();
        Optional<EditTarget> target = EditTarget.parse(payload.getView().getPrivateMetadata());
        if (viewId == null || viewId.isBlank() || target.isEmpty()) {
            return SubmissionAnswers.badRequest("edit submission without its view id or the share it changes");
        }
        String userId = payload.getUser().getId();
        Locale locale = locales.of(userId);
        SlackOrigin origin = new SlackOrigin(payload.getTeam().getId(), target.get().channelId(), userId,
                new SlackOrigin.ModalView(viewId));
        return answers.answer(context, submissions.edit(BookModal.read(payload.getView().getState()), origin,
                target.get().sharedJobId(), locale), locale);
    }
}

package bookbot.gateway.slack;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;

import bookbot.gateway.form.BookModal;
import bookbot.gateway.member.MemberLocales;
import bookbot.gateway.submission.BookSubmissions;
import bookbot.gateway.submission.SlackOrigin;

/**
 * The member pressed "Share" in the modal: queue the book, or show what is wrong next to the fields. The modal's
 * view id makes the job id, so pressing Share again in the same modal is the same job.
 */
@Component
class ModalSubmission implements ViewSubmissionHandler {

    private final BookSubmissions submissions;
    private final MemberLocales locales;
    private final SubmissionAnswers answers;

    ModalSubmission(BookSubmissions submissions, MemberLocales locales, SubmissionAnswers answers) {
        this.submissions = submissions;
        this.locales = locales;
        this.answers = answers;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String viewId = payload.getView().getId();
        if (viewId == null || viewId.isBlank()) {
            // Slack always sends it; without it a second press of Share could not be recognised as the same job.
            return SubmissionAnswers.badRequest("view submission without a view id");
        }
        String userId = payload.getUser().getId();
        Locale locale = locales.of(userId);
        SlackOrigin origin = new SlackOrigin(payload.getTeam().getId(), BookModal.channelOf(payload.getView()), userId,
                new SlackOrigin.ModalView(viewId));
        return answers.answer(context, submissions.submit(BookModal.read(payload.getView().getState()), origin, locale),
                locale);
    }
}

package bookbot.gateway.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;

import bookbot.gateway.form.BookModal;
import bookbot.gateway.form.FieldError;
import bookbot.gateway.submission.BookSubmissions;
import bookbot.gateway.submission.SlackOrigin;
import bookbot.gateway.submission.SubmissionOutcome;

/**
 * The member pressed "Share" in the modal: queue the book, or show what is wrong next to the fields. The modal's
 * view id makes the job id, so pressing Share again in the same modal is the same job.
 */
@Component
class ModalSubmission implements ViewSubmissionHandler {

    private final BookSubmissions submissions;
    private final FieldErrorTexts texts;

    ModalSubmission(BookSubmissions submissions, FieldErrorTexts texts) {
        this.submissions = submissions;
        this.texts = texts;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String viewId = payload.getView().getId();
        if (viewId == null || viewId.isBlank()) {
            // Slack always sends it; without it a second press of Share could not be recognised as the same job.
            return Response.builder().statusCode(400).contentType("application/json")
                    .body("{\"error\":\"view submission without a view id\"}").build();
        }
        SlackOrigin origin = new SlackOrigin(payload.getTeam().getId(), payload.getView().getPrivateMetadata(),
                payload.getUser().getId(), new SlackOrigin.ModalView(viewId));
        return switch (submissions.submit(BookModal.read(payload.getView().getState()), origin)) {
            case SubmissionOutcome.Accepted accepted -> context.ack();
            case SubmissionOutcome.Rejected rejected -> context.ackWithErrors(byBlock(rejected.errors()));
            case SubmissionOutcome.NotSaved notSaved -> context.ackWithErrors(byBlock(List.of(notSaved.error())));
        };
    }

    private Map<String, String> byBlock(List<FieldError> errors) {
        Map<String, String> byBlock = new LinkedHashMap<>();
        texts.firstPerField(errors).forEach(error -> byBlock.put(error.field().blockId(), texts.text(error)));
        return byBlock;
    }
}

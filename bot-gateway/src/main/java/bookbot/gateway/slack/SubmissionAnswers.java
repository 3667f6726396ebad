package bookbot.gateway.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;

import bookbot.gateway.form.FieldError;
import bookbot.gateway.submission.SubmissionOutcome;

/** What Slack is answered when a modal is submitted: closed, or the errors next to their fields. */
@Component
class SubmissionAnswers {

    private final FieldErrorTexts texts;

    SubmissionAnswers(FieldErrorTexts texts) {
        this.texts = texts;
    }

    Response answer(ViewSubmissionContext context, SubmissionOutcome outcome, Locale locale) {
        return switch (outcome) {
            case SubmissionOutcome.Accepted accepted -> context.ack();
            case SubmissionOutcome.Rejected rejected -> context.ackWithErrors(byBlock(rejected.errors(), locale));
            case SubmissionOutcome.NotSaved notSaved -> context.ackWithErrors(byBlock(List.of(notSaved.error()), locale));
        };
    }

    static Response badRequest(String why) {
        return Response.builder().statusCode(400).contentType("application/json")
                .body("{\"error\":\"" + why + "\"}").build();
    }

    private Map<String, String> byBlock(List<FieldError> errors, Locale locale) {
        Map<String, String> byBlock = new LinkedHashMap<>();
        texts.firstPerField(errors).forEach(error -> byBlock.put(error.field().blockId(), texts.text(error, locale)));
        return byBlock;
    }
}

package bookbot.gateway.submission;

import java.util.List;

import bookbot.gateway.form.FieldError;

/** What the member should see after pressing submit. */
public sealed interface SubmissionOutcome {

    /** The job is on the queue, confirmed by the broker: close the form. */
    record Accepted(String jobId) implements SubmissionOutcome {
    }

    /** Something in the form is wrong: show it next to the fields, queue nothing. */
    record Rejected(List<FieldError> errors) implements SubmissionOutcome {
    }

    /** The broker did not confirm the job: say so in the form so the member can submit again. */
    record NotSaved(FieldError error) implements SubmissionOutcome {
    }
}

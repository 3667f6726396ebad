package bookbot.gateway.submission;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import bookbot.core.job.BookJob;
import bookbot.core.job.Recommendation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import bookbot.gateway.form.FieldError;
import bookbot.gateway.form.FormField;
import bookbot.gateway.form.FormInput;
import bookbot.gateway.form.FormValidator;

/**
 * Turns a submitted form into a queued job: a share, or the edit of one. Nothing slow happens here: validation,
 * one confirmed publish, done. The member is never told "saved" for a job the broker did not confirm, and may submit
 * the same form again safely: it is the same job ({@link JobIds}).
 */
public class BookSubmissions {

    private final FormValidator validator;
    private final JobQueue queue;
    private final Clock clock;
    private final Counter accepted;

    public BookSubmissions(FormValidator validator, JobQueue queue, Clock clock, MeterRegistry registry) {
        this.validator = validator;
        this.queue = queue;
        this.clock = clock;
        this.accepted = Counter.builder("bookbot.jobs.accepted")
                .description("Submissions the broker confirmed, answered with 'saved'")
                .register(registry);
    }

    /**
     * A share. A form opened outside any conversation comes without a channel unless the member picked one
     * ({@code origin.channelId()} null): that is a field error like the others.
     *
     * @param locale the member's language, which the job carries for the texts they get later
     */
    public SubmissionOutcome submit(FormInput input, SlackOrigin origin, Locale locale) {
        return queue(input, origin, recommendation -> BookJob.submitted(JobIds.of(origin), recommendation,
                locale.toLanguageTag(), clock.instant()));
    }

    /** The member's change to the share {@code sharedJobId}, checked like a share. */
    public SubmissionOutcome edit(FormInput input, SlackOrigin origin, String sharedJobId, Locale locale) {
        return queue(input, origin, recommendation -> BookJob.edit(JobIds.of(origin), sharedJobId, recommendation,
                locale.toLanguageTag(), clock.instant()));
    }

    private SubmissionOutcome queue(FormInput input, SlackOrigin origin,
            java.util.function.Function<Recommendation, BookJob> jobOf) {
        List<FieldError> errors = new ArrayList<>();
        FormValidator.Result result = validator.validate(input);
        if (result instanceof FormValidator.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        if (origin.channelId() == null || origin.channelId().isBlank()) {
            errors.add(FieldError.of(FormField.CHANNEL, "error.channel.required"));
        }
        if (!errors.isEmpty() || !(result instanceof FormValidator.Valid valid)) {
            return new SubmissionOutcome.Rejected(List.copyOf(errors));
        }
        FormValidator.ValidForm form = valid.form();
        BookJob job = jobOf.apply(new Recommendation(origin.teamId(), origin.channelId(), origin.userId(),
                form.bookUrl(), form.category(), form.reason(), form.title()));
        if (!queue.publish(job)) {
            // The broker may have it all the same; submitting the same form again is the same job id.
            return new SubmissionOutcome.NotSaved(FieldError.of(FormField.BOOK_LINK, "error.not-saved"));
        }
        accepted.increment();
        return new SubmissionOutcome.Accepted(job.jobId());
    }
}

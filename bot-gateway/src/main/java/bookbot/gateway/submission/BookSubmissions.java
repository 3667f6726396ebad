package bookbot.gateway.submission;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.job.BookJob;
import bookbot.core.job.Recommendation;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.JobTrace;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import bookbot.gateway.form.FieldError;
import bookbot.gateway.form.FormField;
import bookbot.gateway.form.FormInput;
import bookbot.gateway.form.FormValidator;

/**
 * Turns a submitted form into a queued job. Nothing slow happens here: validation, one confirmed publish,
 * done. The member is never told "saved" for a job the broker did not confirm, and may submit the same form again
 * safely: it is the same job ({@link JobIds}).
 */
public class BookSubmissions {

    private static final Logger log = LoggerFactory.getLogger(BookSubmissions.class);

    private final FormValidator validator;
    private final ConfirmedPublisher publisher;
    private final JobMessages messages;
    private final Topology topology;
    private final Locale locale;
    private final Clock clock;
    private final PublishingHealth publishing;
    private final Counter accepted;

    public BookSubmissions(FormValidator validator, ConfirmedPublisher publisher, JobMessages messages,
            Topology topology, Locale locale, Clock clock, PublishingHealth publishing, MeterRegistry registry) {
        this.validator = validator;
        this.publisher = publisher;
        this.messages = messages;
        this.topology = topology;
        this.locale = locale;
        this.clock = clock;
        this.publishing = publishing;
        this.accepted = Counter.builder("bookbot.jobs.accepted")
                .description("Submissions the broker confirmed, answered with 'saved'")
                .register(registry);
    }

    public SubmissionOutcome submit(FormInput input, SlackOrigin origin) {
        return switch (validator.validate(input)) {
            case FormValidator.Invalid invalid -> new SubmissionOutcome.Rejected(invalid.errors());
            case FormValidator.Valid valid -> queue(valid.form(), origin);
        };
    }

    private SubmissionOutcome queue(FormValidator.ValidForm form, SlackOrigin origin) {
        Recommendation recommendation = new Recommendation(origin.teamId(), origin.channelId(), origin.userId(),
                form.bookUrl(), form.category(), form.reason(), form.title());
        BookJob job = BookJob.submitted(JobIds.of(origin), recommendation, locale.toLanguageTag(), clock.instant());
        String traceId = JobTrace.newTraceId();
        try (JobTrace trace = JobTrace.begin(job.jobId(), traceId)) {
            try {
                publisher.publish(topology.workExchange(), Stage.firstFor(job.kind()).inputKey(), messages.toMessage(job, traceId));
            } catch (PublishFailedException e) {
                publishing.failed(e.getMessage());
                // The broker may have it all the same; submitting the same form again is the same job id.
                log.error("job {} not confirmed, the member is asked to submit again: {}", job.jobId(), e.getMessage());
                return new SubmissionOutcome.NotSaved(FieldError.of(FormField.BOOK_LINK, "error.not-saved"));
            }
            publishing.succeeded();
            accepted.increment();
            log.info("job {} queued: {} recommended {} in {}", job.jobId(), origin.userId(), form.bookUrl(),
                    origin.channelId());
            return new SubmissionOutcome.Accepted(job.jobId());
        }
    }
}

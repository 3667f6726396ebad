package bookbot.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Status;
import bookbot.core.messaging.JobHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;

import bookbot.core.job.BookJob;
import bookbot.core.job.Category;
import bookbot.core.job.JobKind;
import bookbot.core.job.JobCodec;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.Topology;
import bookbot.gateway.form.FieldError;
import bookbot.gateway.form.FormField;
import bookbot.gateway.form.FormInput;
import bookbot.gateway.form.FormSamples;

class BookSubmissionsTest {

    private static final SlackOrigin ORIGIN = new SlackOrigin("T1", "C0BOOKS", "U0MEMBER",
            new SlackOrigin.ModalView("V0AB12CD34"));
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final ConfirmedPublisher publisher = mock(ConfirmedPublisher.class);
    private final JobMessages messages = new JobMessages(new JobCodec());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final PublishingHealth publishing = new PublishingHealth(clock, Duration.ofSeconds(30));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BookSubmissions submissions = new BookSubmissions(FormSamples.validator(),
            new JobQueue(publisher, messages, new Topology("books"), publishing), clock, registry);

    @Test
    void aValidFormBecomesOnePersistentJobOnTheSubmittedRoute() {
        SubmissionOutcome outcome = submissions.submit(new FormInput("https://ridibooks.com/books/1354000126",
                "소설::SF", "Because.", "My title"), ORIGIN, Locale.KOREAN);

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher).publish(eq("books"), eq("submitted"), sent.capture());
        BookJob job = messages.toJob(sent.getValue());
        assertThat(outcome).isEqualTo(new SubmissionOutcome.Accepted(job.jobId()));
        assertThat(job.jobId()).isEqualTo(JobIds.of(ORIGIN));
        assertThat(sent.getValue().getMessageProperties().getMessageId()).isEqualTo(job.jobId());
        assertThat(sent.getValue().getMessageProperties().getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(job.submittedAt()).isEqualTo(NOW);
        assertThat(job.locale()).isEqualTo("ko");
        assertThat(job.recommendation().channelId()).isEqualTo("C0BOOKS");
        assertThat(job.recommendation().userId()).isEqualTo("U0MEMBER");
        assertThat(job.recommendation().category()).isEqualTo(new Category("소설", "SF"));
        assertThat(job.recommendation().titleOverride()).isEqualTo("My title");
        assertThat(job.book()).isNull();
        assertThat(sent.getValue().getMessageProperties().<String>getHeader(JobHeaders.TRACE_ID)).matches("[0-9a-f]{32}");
        assertThat(registry.get("bookbot.jobs.accepted").counter().count()).isEqualTo(1);
    }

    @Test
    void theSameFormSubmittedAgainAfterNotSavedIsTheSameJob() {
        doThrow(new PublishFailedException("no confirm within PT2S", null)).doNothing()
                .when(publisher).publish(any(), any(), any());
        FormInput form = new FormInput("https://ridibooks.com/books/1354000126", "소설::SF", "Because.", null);

        SubmissionOutcome first = submissions.submit(form, ORIGIN, Locale.KOREAN);
        SubmissionOutcome second = submissions.submit(form, ORIGIN, Locale.KOREAN);

        assertThat(first).isInstanceOf(SubmissionOutcome.NotSaved.class);
        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher, org.mockito.Mockito.times(2)).publish(eq("books"), eq("submitted"), sent.capture());
        assertThat(sent.getAllValues()).extracting(m -> m.getMessageProperties().getMessageId())
                .containsOnly(((SubmissionOutcome.Accepted) second).jobId());
    }

    @Test
    void everySubmissionStartsItsOwnTrace() {
        submissions.submit(new FormInput("https://ridibooks.com/books/1", "소설::SF", "Because.", null), ORIGIN, Locale.KOREAN);
        submissions.submit(new FormInput("https://ridibooks.com/books/2", "소설::SF", "Because.", null), ORIGIN, Locale.KOREAN);

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher, org.mockito.Mockito.times(2)).publish(eq("books"), eq("submitted"), sent.capture());
        assertThat(sent.getAllValues()).extracting(m -> m.getMessageProperties().<String>getHeader(JobHeaders.TRACE_ID))
                .doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void anInvalidFormQueuesNothing() {
        SubmissionOutcome outcome = submissions.submit(new FormInput("https://amazon.com/dp/1", "소설::SF", "r", null),
                ORIGIN, Locale.KOREAN);

        assertThat(outcome).isInstanceOf(SubmissionOutcome.Rejected.class);
        verifyNoInteractions(publisher);
    }

    @Test
    void aJobTheBrokerDidNotConfirmIsReportedAsNotSaved() {
        doThrow(new PublishFailedException("no confirm within PT2S", null))
                .when(publisher).publish(any(), any(), any());

        SubmissionOutcome outcome = submissions.submit(new FormInput("https://ridibooks.com/books/1354000126",
                "소설::SF", "Because.", null), ORIGIN, Locale.KOREAN);

        assertThat(outcome).isEqualTo(new SubmissionOutcome.NotSaved(
                FieldError.of(FormField.BOOK_LINK, "error.not-saved")));
        assertThat(publishing.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(registry.get("bookbot.jobs.accepted").counter().count()).isZero();
    }

    @Test
    void theJobSpeaksTheMembersLanguage() {
        submissions.submit(new FormInput("https://ridibooks.com/books/1354000126", "소설::SF", "Because.", null),
                ORIGIN, Locale.ENGLISH);

        assertThat(published().locale()).isEqualTo("en");
    }

    @Test
    void aFormWithoutAChannelIsAFieldErrorNextToTheOthersAndQueuesNothing() {
        SlackOrigin nowhere = new SlackOrigin("T1", null, "U0MEMBER", new SlackOrigin.ModalView("V0HOME1"));

        SubmissionOutcome outcome = submissions.submit(new FormInput("https://amazon.com/dp/1", "소설::SF",
                "Because.", null), nowhere, Locale.KOREAN);

        assertThat(outcome).isEqualTo(new SubmissionOutcome.Rejected(List.of(
                FieldError.of(FormField.BOOK_LINK, "error.link.store", String.join(", ", FormSamples.STORES)),
                FieldError.of(FormField.CHANNEL, "error.channel.required"))));
        verifyNoInteractions(publisher);
    }

    @Test
    void anEditIsAnEditJobOfTheSharedJobCheckedLikeAShareAndBoundForEnrich() {
        SubmissionOutcome outcome = submissions.edit(new FormInput("https://www.yes24.com/Product/Goods/1", "소설::고전",
                "Even better the second time.", null), ORIGIN, "shared-job-1", Locale.ENGLISH);

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher).publish(eq("books"), eq("submitted"), sent.capture());
        BookJob job = messages.toJob(sent.getValue());
        assertThat(outcome).isEqualTo(new SubmissionOutcome.Accepted(job.jobId()));
        assertThat(job.kind()).isEqualTo(JobKind.EDIT);
        assertThat(job.subject()).isEqualTo("shared-job-1");
        assertThat(job.jobId()).isEqualTo(JobIds.of(ORIGIN));
        assertThat(job.recommendation().bookUrl()).isEqualTo("https://www.yes24.com/Product/Goods/1");
        assertThat(job.recommendation().category()).isEqualTo(new Category("소설", "고전"));
        assertThat(job.recommendation().channelId()).isEqualTo("C0BOOKS");
        assertThat(job.locale()).isEqualTo("en");
    }

    @Test
    void anInvalidEditQueuesNothing() {
        SubmissionOutcome outcome = submissions.edit(new FormInput("https://www.yes24.com/Product/Goods/1", "소설::고전",
                " ", null), ORIGIN, "shared-job-1", Locale.ENGLISH);

        assertThat(outcome).isEqualTo(new SubmissionOutcome.Rejected(List.of(
                FieldError.of(FormField.REASON, "error.reason.required"))));
        verifyNoInteractions(publisher);
    }

    private BookJob published() {
        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher).publish(any(), any(), sent.capture());
        return messages.toJob(sent.getValue());
    }
}

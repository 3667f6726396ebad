package bookbot.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.amqp.core.Message;

import bookbot.core.job.BookJob;
import bookbot.core.job.Category;
import bookbot.core.job.JobCodec;
import bookbot.core.job.JobKind;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.Topology;

class WithdrawalsAndHomeOpeningsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final SharedBook SHARE = new SharedBook("shared-job-1", "T1", "C0BOOKS", "1700000000.000100",
            "U0MEMBER", "https://www.yes24.com/Product/Goods/1", new Category("소설", "SF"), "Read it.", null);

    private final ConfirmedPublisher publisher = mock(ConfirmedPublisher.class);
    private final JobMessages messages = new JobMessages(new JobCodec());
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JobQueue queue = new JobQueue(publisher, messages, new Topology("books"),
            new PublishingHealth(clock, Duration.ofSeconds(30)));

    @Test
    void aWithdrawalIsAWithdrawJobOfTheShareStraightToTheWriter() {
        assertThat(new Withdrawals(queue, clock).withdraw(SHARE, Locale.KOREAN)).isTrue();

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher).publish(eq("books"), eq("enriched"), sent.capture());
        BookJob job = messages.toJob(sent.getValue());
        assertThat(job.kind()).isEqualTo(JobKind.WITHDRAW);
        assertThat(job.subject()).isEqualTo("shared-job-1");
        assertThat(job.jobId()).isEqualTo(JobIds.withdrawal("T1", "C0BOOKS", "1700000000.000100"));
        assertThat(job.recommendation().userId()).isEqualTo("U0MEMBER");
        assertThat(job.recommendation().channelId()).isEqualTo("C0BOOKS");
        assertThat(job.recommendation().bookUrl()).isEqualTo(SHARE.url());
        assertThat(job.locale()).isEqualTo("ko");
    }

    @Test
    void withdrawingTheSameMessageTwiceIsOneJobAndAnotherMessageAnother() {
        Withdrawals withdrawals = new Withdrawals(queue, clock);
        withdrawals.withdraw(SHARE, Locale.KOREAN);
        withdrawals.withdraw(SHARE, Locale.KOREAN);
        withdrawals.withdraw(new SharedBook("shared-job-2", "T1", "C0BOOKS", "1700000000.000200", "U0MEMBER",
                SHARE.url(), SHARE.category(), SHARE.reason(), null), Locale.KOREAN);

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher, times(3)).publish(any(), any(), sent.capture());
        var ids = sent.getAllValues().stream().map(m -> messages.toJob(m).jobId()).toList();
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
    }

    @Test
    void aWithdrawalTheBrokerDidNotConfirmIsReported() {
        doThrow(new PublishFailedException("no confirm", null)).when(publisher).publish(any(), any(), any());

        assertThat(new Withdrawals(queue, clock).withdraw(SHARE, Locale.KOREAN)).isFalse();
    }

    @Test
    void openingHomeIsAHomeJobNamedAfterTheEventForTheWriter() {
        assertThat(new HomeOpenings(queue, clock).opened("Ev0123", "U0SEOYEON", Locale.KOREAN)).isTrue();

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(publisher).publish(eq("books"), eq("enriched"), sent.capture());
        BookJob job = messages.toJob(sent.getValue());
        assertThat(job.kind()).isEqualTo(JobKind.HOME);
        assertThat(job.jobId()).isEqualTo("home-Ev0123");
        assertThat(job.subject()).isEqualTo("U0SEOYEON");
        assertThat(job.locale()).isEqualTo("ko");
        assertThat(job.submittedAt()).isEqualTo(NOW);
    }
}

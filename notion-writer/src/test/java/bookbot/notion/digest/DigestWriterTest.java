package bookbot.notion.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import com.slack.api.model.Message;

import bookbot.core.digest.DigestMessage;
import bookbot.core.digest.SharedBook;
import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.integration.notion.BookShelf;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;
import bookbot.notion.page.Announcement;

/** A month's digest is posted once, whatever copies of its job arrive and whichever attempt dies on the way. */
class DigestWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:05:00Z");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String CHANNEL = "C0DIGEST";
    private static final DigestSettings SETTINGS = new DigestSettings(CHANNEL, "0 0 9 1 * *", ZoneOffset.UTC, "en",
            Duration.ofDays(7), Duration.ofSeconds(15));
    private static final ChannelAnnouncer.Search NOTHING = new ChannelAnnouncer.Search(true, Optional.empty());
    private static final ChannelAnnouncer.Search FOUND = new ChannelAnnouncer.Search(true,
            Optional.of(new Announcement.Posted(CHANNEL, "1761955200.000100")));

    private final BookShelf shelf = mock(BookShelf.class);
    private final ChannelAnnouncer channel = mock(ChannelAnnouncer.class);
    private final DigestPoster poster = mock(DigestPoster.class);
    private final JobFence fence = mock(JobFence.class);
    private final List<Duration> pauses = new ArrayList<>();
    private final BookJob job = BookJob.digest(OCTOBER, "en", NOW);

    private DigestWriter writer(DigestSettings settings) {
        return new DigestWriter(shelf, channel, poster, fence, settings, "https://www.notion.so/db",
                Clock.fixed(NOW, ZoneOffset.UTC), pauses::add);
    }

    @BeforeEach
    void noOtherCopyIsWriting() {
        when(fence.tryLock(any())).thenReturn(true);
        when(shelf.touchingMonth(OCTOBER, ZoneOffset.UTC)).thenReturn(List.of(SharedBook.fromPage(
                "https://www.notion.so/p1", "Dune", null, Instant.parse("2026-10-05T10:00:00Z"), "Kim", "U1", null)));
    }

    @Test
    void readsTheMonthWaitsForAnEarlierAttemptsPostToLandLooksAgainAndPostsOnce() {
        when(channel.search(eq(CHANNEL), any(), any(), anyString())).thenReturn(NOTHING, NOTHING);

        writer(SETTINGS).write(job);

        ArgumentCaptor<DigestMessage> posted = ArgumentCaptor.forClass(DigestMessage.class);
        InOrder order = inOrder(fence, channel, shelf, poster);
        order.verify(fence).tryLock("digest-2026-10");
        order.verify(channel).search(eq(CHANNEL), eq(Instant.parse("2026-10-31T00:00:00Z")), any(), anyString());
        order.verify(shelf).touchingMonth(OCTOBER, ZoneOffset.UTC);
        order.verify(channel).search(eq(CHANNEL), any(), any(), anyString());
        order.verify(poster).post(eq(CHANNEL), eq(OCTOBER), posted.capture());
        order.verify(fence).lingerThenRelease("digest-2026-10");
        assertThat(pauses).containsExactly(Duration.ofSeconds(15));
        assertThat(posted.getValue().sections()).anySatisfy(section -> assertThat(section)
                .contains("<https://www.notion.so/p1|Dune>"));
    }

    @Test
    void aDigestAlreadyInTheChannelIsNotPostedAgainNorIsNotionRead() {
        when(channel.search(eq(CHANNEL), any(), any(), anyString())).thenReturn(FOUND);

        writer(SETTINGS).write(job);

        verifyNoInteractions(shelf, poster);
        verify(fence).lingerThenRelease(job.jobId());
    }

    @Test
    void anEarlierAttemptsPostThatLandsWhileThisOneWaitsIsNotPostedAgain() {
        when(channel.search(eq(CHANNEL), any(), any(), anyString())).thenReturn(NOTHING, FOUND);

        writer(SETTINGS).write(job);

        verify(poster, never()).post(any(), any(), any());
    }

    @Test
    void theHistoryIsSearchedForThisMonthsDigestByItsMetadata() {
        when(channel.search(eq(CHANNEL), any(), any(), anyString())).thenReturn(FOUND);
        writer(SETTINGS).write(job);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Predicate<Message>> wanted = ArgumentCaptor.forClass(Predicate.class);
        verify(channel).search(eq(CHANNEL), any(), wanted.capture(), anyString());

        assertThat(wanted.getValue().test(digestMessage("2026-10"))).isTrue();
        assertThat(wanted.getValue().test(digestMessage("2026-09"))).isFalse();
        assertThat(wanted.getValue().test(new Message())).isFalse();
    }

    @Test
    void aCopyThatFindsTheJobLockedComesBackLaterTouchingNothing() {
        when(fence.tryLock(job.jobId())).thenReturn(false);

        assertThatThrownBy(() -> writer(SETTINGS).write(job)).isInstanceOfSatisfying(TransientFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("job-in-progress"));

        verifyNoInteractions(channel, shelf, poster);
    }

    @Test
    void aFailedPostReleasesTheLockAtOnceForTheRetry() {
        when(channel.search(eq(CHANNEL), any(), any(), anyString())).thenReturn(NOTHING, NOTHING);
        org.mockito.Mockito.doThrow(new TransientFailure("slack-http-503", "down", null)).when(poster)
                .post(any(), any(), any());

        assertThatThrownBy(() -> writer(SETTINGS).write(job)).isInstanceOf(TransientFailure.class);

        verify(fence).release(job.jobId());
        verify(fence, never()).lingerThenRelease(any());
    }

    @Test
    void aChannelWhoseHistoryTheBotCannotReadIsADeadLetterNotAGuess() {
        when(channel.search(eq(CHANNEL), any(), any(), anyString()))
                .thenReturn(new ChannelAnnouncer.Search(false, Optional.empty()));

        assertThatThrownBy(() -> writer(SETTINGS).write(job)).isInstanceOfSatisfying(PermanentFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("digest-channel-unreadable"));

        verifyNoInteractions(poster);
    }

    @Test
    void withoutAChannelTheDigestIsADeadLetterSayingWhatToSet() {
        DigestSettings off = new DigestSettings(null, "0 0 9 1 * *", ZoneOffset.UTC, "en", Duration.ZERO,
                Duration.ZERO);

        assertThatThrownBy(() -> writer(off).write(job)).isInstanceOfSatisfying(PermanentFailure.class,
                failure -> assertThat(failure.getMessage()).contains("BOOKBOT_DIGEST_CHANNEL"));

        verifyNoInteractions(fence, channel, shelf, poster);
    }

    @Test
    void aMonthNotOverYetIsRefused() {
        BookJob november = BookJob.digest(YearMonth.of(2026, 11), "en", NOW);

        assertThatThrownBy(() -> writer(SETTINGS).write(november)).isInstanceOfSatisfying(PermanentFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("digest-month-not-over"));
    }

    @Test
    void theMonthEndsInTheClubsZone() {
        // 00:05 UTC on November 1 is 09:05 in Seoul: October is over there, and searched from October 31 in Seoul.
        DigestSettings seoul = new DigestSettings(CHANNEL, "0 0 9 1 * *", ZoneId.of("Asia/Seoul"), "en",
                Duration.ofDays(7), Duration.ZERO);
        when(channel.search(eq(CHANNEL), any(), any(), anyString())).thenReturn(FOUND);

        writer(seoul).write(job);

        verify(channel).search(eq(CHANNEL), eq(Instant.parse("2026-10-30T15:00:00Z")), any(), anyString());
    }

    private static Message digestMessage(String month) {
        Message message = new Message();
        message.setMetadata(Message.Metadata.builder().eventType("bookbot_digest")
                .eventPayload(Map.of("month", month)).build());
        return message;
    }
}

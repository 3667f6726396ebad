package bookbot.notion.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.testing.Jobs;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;
import bookbot.notion.page.NotionPages;
import bookbot.notion.page.PageFormat;
import bookbot.notion.page.PageShares;
import bookbot.notion.page.Share;

/** One page and one channel message per job, however often and however many copies of it arrive. */
class ShareWriterTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration CLAIM = Duration.ofMinutes(3);
    private static final Announcement.Posted POSTED = new Announcement.Posted("C0BOOKS", "1764493200.000100");

    private final NotionPages pages = mock(NotionPages.class);
    private final ChannelAnnouncer announcer = mock(ChannelAnnouncer.class);
    private final JobFence fence = mock(JobFence.class);
    private final ShareWriter stage = new ShareWriter(pages, announcer, fence, CLAIM, Clock.fixed(NOW, ZoneOffset.UTC));
    private final BookJob job = Jobs.submitted();

    @BeforeEach
    void noOtherCopyIsWriting() {
        when(fence.tryLock(any())).thenReturn(true);
        when(pages.format()).thenReturn(PageFormat.FULL);
    }

    private static BookPage page(String id, Announcement announcement) {
        return new BookPage(id, "https://www.notion.so/" + id, NOW, announcement);
    }

    @Test
    void aNewJobGetsAPageClaimedForThisWriterThenOneMessageWhichThePageRemembers() {
        BookPage created = page("p1", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(created));
        when(pages.create(job, NOW)).thenReturn(created);
        when(announcer.announce(job, created)).thenReturn(POSTED);

        stage.write(job);

        InOrder order = inOrder(pages, announcer);
        order.verify(pages).create(job, NOW);
        order.verify(announcer).announce(job, created);
        order.verify(pages).remember(created, POSTED);
        verify(announcer, never()).findAnnouncement(any(), any());
    }

    @Test
    void aCopyThatFindsTheJobLockedByAnotherTouchesNeitherNotionNorSlackAndComesBackLater() {
        when(fence.tryLock(job.jobId())).thenReturn(false);

        assertThatThrownBy(() -> stage.write(job)).isInstanceOfSatisfying(TransientFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("job-in-progress"));

        verifyNoInteractions(pages, announcer);
        verify(fence, never()).release(any());
        verify(fence, never()).lingerThenRelease(any());
    }

    @Test
    void theJobIsLockedBeforeNotionIsAskedAndLetGoOnceNotionShowsThePageAfterTheMessageIsWrittenDown() {
        BookPage created = page("p1", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(created));
        when(pages.create(job, NOW)).thenReturn(created);
        when(announcer.announce(job, created)).thenReturn(POSTED);

        stage.write(job);

        InOrder order = inOrder(fence, pages);
        order.verify(fence).tryLock(job.jobId());
        order.verify(pages).findByJobId(job.jobId());
        order.verify(pages).remember(created, POSTED);
        order.verify(fence).lingerThenRelease(job.jobId());
        verify(fence, never()).release(any());
    }

    @Test
    void aWriteThatFailsReleasesTheLockSoItsRetryIsNotLockedOut() {
        when(pages.findByJobId(job.jobId())).thenThrow(new TransientFailure("notion-http-503", "503", null));

        assertThatThrownBy(() -> stage.write(job)).isInstanceOf(TransientFailure.class);

        verify(fence).release(job.jobId());
        verify(fence, never()).lingerThenRelease(any());
    }

    @Test
    void whenSlackRefusesTheMessageThePageIsReleasedSoTheRetryPostsAtOnce() {
        BookPage created = page("p1", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(created));
        when(pages.create(job, NOW)).thenReturn(created);
        when(announcer.announce(job, created)).thenThrow(new TransientFailure("slack-http-503", "Slack 503", null));

        assertThatThrownBy(() -> stage.write(job)).isInstanceOf(TransientFailure.class);

        verify(pages).release(created);
    }

    @Test
    void whenSlacksAnswerIsLostTheClaimStaysForTheMessageMayHaveBeenPosted() {
        BookPage created = page("p1", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(created));
        when(pages.create(job, NOW)).thenReturn(created);
        when(announcer.announce(job, created)).thenThrow(new TransientFailure("slack-io", "read timed out",
                new java.net.SocketTimeoutException("read timed out")));

        assertThatThrownBy(() -> stage.write(job)).isInstanceOf(TransientFailure.class);

        verify(pages, never()).release(any());
    }

    @Test
    void aBookThatWasAnnouncedIsNotRetriedNorDeadLetteredWhenThePageCannotNoteIt() {
        BookPage created = page("p1", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(created));
        when(pages.create(job, NOW)).thenReturn(created);
        when(announcer.announce(job, created)).thenReturn(POSTED);
        org.mockito.Mockito.doThrow(new bookbot.core.failure.PermanentFailure("notion-unauthorized", "401", null))
                .when(pages).remember(created, POSTED);

        assertThatCode(() -> stage.write(job)).doesNotThrowAnyException();
    }

    @Test
    void aPageThatSaysItWasPostedIsNeitherCreatedNorAnnouncedAgain() {
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(page("p1", POSTED)));

        stage.write(job);

        verify(pages, never()).create(any(), any());
        verify(announcer, never()).announce(any(), any());
    }

    @Test
    void aPageAnotherLiveCopyClaimsIsLeftToItAndThisCopyComesBackWhenTheClaimEnds() {
        when(pages.findByJobId(job.jobId())).thenReturn(
                List.of(page("p1", new Announcement.Claimed(NOW.minusSeconds(60)))));

        assertThatThrownBy(() -> stage.write(job)).isInstanceOfSatisfying(TransientFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo("announcement-claimed");
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(121));
        });
        verify(announcer, never()).announce(any(), any());
    }

    @Test
    void aPageWhoseWriterStoppedBeforeWritingDownItsMessageIsAnnouncedOnceByTheNextCopy() {
        BookPage abandoned = page("p1", new Announcement.Claimed(NOW.minus(CLAIM).minusSeconds(1)));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(abandoned));
        when(announcer.findAnnouncement(job, abandoned)).thenReturn(Optional.empty());
        when(announcer.announce(job, abandoned)).thenReturn(POSTED);

        stage.write(job);

        verify(pages).remember(abandoned, POSTED);
    }

    @Test
    void aMessageTheStoppedWriterDidPostIsWrittenDownNotPostedAgain() {
        BookPage abandoned = page("p1", new Announcement.Unannounced());
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(abandoned));
        when(announcer.findAnnouncement(job, abandoned)).thenReturn(Optional.of(POSTED));

        stage.write(job);

        verify(pages).remember(abandoned, POSTED);
        verify(announcer, never()).announce(any(), any());
    }

    @Test
    void whenTwoCopiesEachMadeAPageTheLaterOneTrashesItsOwnAndLeavesTheMessageToTheFirst() {
        BookPage first = page("p1", new Announcement.Claimed(NOW.minusMillis(800)));
        BookPage mine = page("p2", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(first, mine));
        when(pages.create(job, NOW)).thenReturn(mine);

        assertThatThrownBy(() -> stage.write(job)).isInstanceOf(TransientFailure.class);

        verify(pages).archive(mine);
        verify(pages, never()).archive(first);
        verify(announcer, never()).announce(any(), any());
    }

    @Test
    void aPageTheQueryDoesNotShowYetIsStillTheOneAnnounced() {
        BookPage created = page("p1", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of());
        when(pages.create(job, NOW)).thenReturn(created);
        when(announcer.announce(job, created)).thenReturn(POSTED);

        stage.write(job);

        verify(pages).remember(created, POSTED);
    }

    // One page per book

    private static final String BOOK = "yes24.com/106369008";
    private static final Share ALICE = new Share("job-alice", "U0ALICE", "Alice Park", "Loved it.",
            NOW.minusSeconds(3600));

    private static BookPage bookPage(String id, Announcement announcement, PageShares shares) {
        return new BookPage(id, "https://www.notion.so/" + id, NOW.minusSeconds(3600), announcement, BOOK, shares,
                null);
    }

    private Share mine() {
        return Share.of(job, job.jobId());
    }

    @Test
    void aRetryThatFindsItsOwnClaimedPageOnlyByTheBookLeavesTheMessageToTheClaimingWriter() {
        // The first attempt created the page and is posting; the query by job id lags on this replica.
        BookPage itsOwn = new BookPage("p1", "https://www.notion.so/p1", NOW, new Announcement.Claimed(NOW.minusSeconds(5)),
                BOOK, PageShares.of(mine()), null);
        when(pages.findByJobId(job.jobId())).thenReturn(List.of());
        when(pages.findByBookKey(BOOK)).thenReturn(List.of(itsOwn));

        assertThatThrownBy(() -> stage.write(job)).isInstanceOfSatisfying(TransientFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("announcement-claimed"));
        verify(announcer, never()).announce(any(), any());
        verify(pages, never()).writeShares(any(), any());
    }

    @Test
    void aBookSharedBeforeGetsThisShareAddedToItsPageInOneUpdateAndAMessageOfItsOwnNotedThere() {
        BookPage alices = bookPage("p1", POSTED, PageShares.of(ALICE));
        BookPage joined = alices.withShares(alices.shares().with(mine()));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of());
        when(pages.findByBookKey(BOOK)).thenReturn(List.of(alices));
        when(pages.writeShares(alices, joined.shares())).thenReturn(joined);
        Announcement.Posted mine = new Announcement.Posted("C0BOOKS", "1764493300.000200");
        when(announcer.findMessage("C0BOOKS", job.jobId(), job.submittedAt(), null)).thenReturn(Optional.empty());
        when(announcer.announce(job, joined)).thenReturn(mine);

        stage.write(job);

        verify(pages, never()).create(any(), any());
        InOrder order = inOrder(fence, pages, announcer);
        order.verify(fence).tryLock(job.jobId());
        order.verify(fence).tryLock("book:" + BOOK);
        order.verify(pages).writeShares(alices, joined.shares());
        order.verify(announcer).announce(job, joined);
        order.verify(pages).rememberNote(joined, job.jobId(), mine);
        assertThat(joined.shares().jobIdsText()).isEqualTo("job-alice " + job.jobId());
    }

    @Test
    void aCopyOfAnAddedShareWhoseMessageThePageNotedPostsNothing() {
        BookPage page = bookPage("p1", POSTED, PageShares.of(ALICE).with(mine()))
                .withNote(job.jobId(), new Announcement.Posted("C0BOOKS", "2.0"));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(page));

        stage.write(job);

        verify(announcer, never()).announce(any(), any());
        verify(pages, never()).writeShares(any(), any());
        verify(pages, never()).create(any(), any());
    }

    @Test
    void anAddedShareWhoseWriterStoppedAfterPostingFindsItsMessageByJobIdAndNotesIt() {
        BookPage page = bookPage("p1", POSTED, PageShares.of(ALICE).with(mine()));
        Announcement.Posted earlier = new Announcement.Posted("C0BOOKS", "2.0");
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(page));
        when(announcer.findMessage("C0BOOKS", job.jobId(), job.submittedAt(), null)).thenReturn(Optional.of(earlier));

        stage.write(job);

        verify(announcer, never()).announce(any(), any());
        verify(pages).rememberNote(page, job.jobId(), earlier);
    }

    @Test
    void whenTwoMembersEachMadeAPageOfTheBookThePageStartedFirstKeepsBothAndTheOtherGoesToTheTrash() {
        BookPage mineCreated = new BookPage("p2", "https://www.notion.so/p2", NOW, new Announcement.Claimed(NOW),
                BOOK, PageShares.of(mine()), null);
        BookPage alices = new BookPage("p1", "https://www.notion.so/p1", NOW,
                new Announcement.Claimed(NOW.minusMillis(500)), BOOK, PageShares.of(ALICE), null);
        BookPage joined = alices.withShares(alices.shares().with(mine()));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(mineCreated));
        when(pages.findByBookKey(BOOK)).thenReturn(List.of(), List.of(alices, mineCreated));
        when(pages.create(job, NOW)).thenReturn(mineCreated);
        when(pages.writeShares(alices, joined.shares())).thenReturn(joined);
        when(announcer.announce(job, joined)).thenReturn(POSTED);

        stage.write(job);

        verify(pages).writeShares(alices, joined.shares());
        verify(pages).archive(mineCreated);
        verify(pages, never()).archive(alices);
        verify(pages).rememberNote(joined, job.jobId(), POSTED);
    }

    @Test
    void theFirstOfTwoPagesMadeAtOnceKeepsItsShareAndIsAnnounced() {
        BookPage mineCreated = new BookPage("p1", "https://www.notion.so/p1", NOW,
                new Announcement.Claimed(NOW.minusMillis(500)), BOOK, PageShares.of(mine()), null);
        BookPage alices = new BookPage("p2", "https://www.notion.so/p2", NOW, new Announcement.Claimed(NOW),
                BOOK, PageShares.of(ALICE), null);
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(mineCreated));
        when(pages.findByBookKey(BOOK)).thenReturn(List.of(), List.of(alices, mineCreated));
        when(pages.create(job, NOW)).thenReturn(mineCreated);
        when(announcer.announce(job, mineCreated)).thenReturn(POSTED);

        stage.write(job);

        verify(pages, never()).archive(any());
        verify(pages).remember(mineCreated, POSTED);
    }

    @Test
    void aShareOfABookAnotherJobIsWritingTouchesNothingAndComesBackLater() {
        when(fence.tryLock("book:" + BOOK)).thenReturn(false);

        assertThatThrownBy(() -> stage.write(job)).isInstanceOfSatisfying(TransientFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo("book-in-progress"));

        verifyNoInteractions(announcer);
        verify(pages, never()).findByJobId(any());
        verify(fence).release(job.jobId());
    }

    @Test
    void aDatabaseWithoutTheBookPropertiesKeepsOnePagePerShare() {
        when(pages.format()).thenReturn(new PageFormat(false, false));
        BookPage created = page("p1", new Announcement.Claimed(NOW));
        when(pages.findByJobId(job.jobId())).thenReturn(List.of(), List.of(created));
        when(pages.create(job, NOW)).thenReturn(created);
        when(announcer.announce(job, created)).thenReturn(POSTED);

        stage.write(job);

        verify(pages, never()).findByBookKey(any());
        verify(fence, never()).tryLock("book:" + BOOK);
        verify(pages).remember(created, POSTED);
    }
}

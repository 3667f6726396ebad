package bookbot.notion.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;
import bookbot.notion.page.NotionPages;
import bookbot.notion.page.PageFormat;
import bookbot.notion.page.PageShares;
import bookbot.notion.page.Share;

/** A member changes or takes back their share: their part of the book's page, their message, nobody else's. */
class EditAndWithdrawWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String LINK = "https://www.yes24.com/Product/Goods/106369008";
    private static final String BOOK = "yes24.com/106369008";
    private static final Announcement.Posted KIMS_MESSAGE = new Announcement.Posted("C0BOOKS", "1.1");
    private static final Announcement.Posted ALICES_MESSAGE = new Announcement.Posted("C0BOOKS", "2.2");
    private static final Share KIM = new Share("share-kim", "U0MEMBER", "Kim Reader", "A classic.", NOW);
    private static final Share ALICE = new Share("share-alice", "U0ALICE", "Alice Park", "Loved it.", NOW);

    private final NotionPages pages = mock(NotionPages.class);
    private final ChannelAnnouncer announcer = mock(ChannelAnnouncer.class);
    private final JobFence fence = mock(JobFence.class);
    /** Minutes after the changes below were made: a share not found then is gone. */
    private final Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    private final EditWriter edits = new EditWriter(pages, announcer, fence, later);
    private final WithdrawWriter withdrawals = new WithdrawWriter(pages, announcer, fence, later);

    @BeforeEach
    void unlocked() {
        when(fence.tryLock(any())).thenReturn(true);
        when(pages.format()).thenReturn(PageFormat.FULL);
    }

    private static BookPage page(PageShares shares) {
        BookPage page = new BookPage("p1", "https://www.notion.so/p1", NOW, KIMS_MESSAGE, BOOK, shares, null);
        return shares.contains(ALICE.jobId()) ? page.withNote(ALICE.jobId(), ALICES_MESSAGE) : page;
    }

    private static Recommendation recommendation(String userId, String url, String reason) {
        return new Recommendation("T0001", "C0BOOKS", userId, url, new Category("경영/경제", "재테크/금융/부동산"), reason,
                null);
    }

    private static BookJob edit(String userId, String shareJobId, String url, String reason) {
        return BookJob.edit("edit-1", shareJobId, recommendation(userId, url, reason), "en", NOW)
                .enriched(new BookMetadata("부의 추월차선", null, null, null), "Kim Reader");
    }

    private static BookJob withdrawal(String userId, String shareJobId) {
        return BookJob.withdraw("withdraw-1", shareJobId, recommendation(userId, LINK, "A classic."), "en", NOW);
    }

    @Test
    void anEditRewritesTheMembersPartOfThePageAndShowsTheMessageEditedInPlace() {
        BookPage page = page(PageShares.of(KIM).with(ALICE));
        when(pages.findByJobId(KIM.jobId())).thenReturn(List.of(page));
        BookJob edit = edit("U0MEMBER", KIM.jobId(), LINK, "Even better the second time.");
        PageShares edited = page.shares().with(KIM.edited("Kim Reader", "Even better the second time."));
        BookPage after = page.withShares(edited);
        when(pages.writeShares(page, edited)).thenReturn(after);

        edits.write(edit);

        verify(pages).writeShares(page, edited);
        verify(pages).writeBook(page, edit);
        verify(announcer).showEdited(edit, KIM.jobId(), after, KIMS_MESSAGE);
        verify(pages, never()).archive(any());
    }

    @Test
    void anEditOfALaterShareLeavesTheBookAsItsFirstShareMadeIt() {
        BookPage page = page(PageShares.of(KIM).with(ALICE));
        when(pages.findByJobId(ALICE.jobId())).thenReturn(List.of(page));
        BookJob edit = edit("U0ALICE", ALICE.jobId(), LINK, "Changed my mind: it is great.");

        edits.write(edit);

        verify(pages, never()).writeBook(any(), any());
        verify(announcer).showEdited(any(), any(), any(), org.mockito.ArgumentMatchers.eq(ALICES_MESSAGE));
    }

    @Test
    void someoneElsesEditIsRefusedAndChangesNothing() {
        BookPage page = page(PageShares.of(KIM));
        when(pages.findByJobId(KIM.jobId())).thenReturn(List.of(page));

        assertThatThrownBy(() -> edits.write(edit("U0ALICE", KIM.jobId(), LINK, "Hijacked.")))
                .isInstanceOfSatisfying(PermanentFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo("not-the-sharer"));

        verify(pages, never()).writeShares(any(), any());
        verify(pages, never()).writeBook(any(), any());
        verifyNoInteractions(announcer);
        verify(fence).release("edit-1");
    }

    @Test
    void anEditToAnotherBooksLinkMovesTheShareToThatBooksPageAndTrashesThePageItLeavesAlone() {
        String otherLink = "https://ridibooks.com/books/1354000126";
        BookPage kims = page(PageShares.of(KIM));
        BookPage other = new BookPage("p2", "https://www.notion.so/p2", NOW, ALICES_MESSAGE,
                "ridibooks.com/books/1354000126", PageShares.of(ALICE), null);
        when(pages.findByJobId(KIM.jobId())).thenReturn(List.of(kims));
        when(pages.findByBookKey("ridibooks.com/books/1354000126")).thenReturn(List.of(other));
        BookJob edit = edit("U0MEMBER", KIM.jobId(), otherLink, "Other book.");
        when(pages.writeShares(any(), any())).thenAnswer(call -> call.<BookPage>getArgument(0)
                .withShares(call.getArgument(1)));

        edits.write(edit);

        verify(pages).writeShares(any(BookPage.class), org.mockito.ArgumentMatchers.eq(
                PageShares.of(ALICE).with(KIM.edited("Kim Reader", "Other book."))));
        verify(pages).archive(kims);
        verify(fence).tryLock("book:" + BOOK);
        verify(fence).tryLock("book:ridibooks.com/books/1354000126");
        verify(announcer).showEdited(any(), anyString(), any(), org.mockito.ArgumentMatchers.eq(KIMS_MESSAGE));
    }

    @Test
    void aSoleRecommendersWithdrawalSaysSoInTheMessageThenTrashesThePage() {
        BookPage page = page(PageShares.of(KIM));
        when(pages.findByJobId(KIM.jobId())).thenReturn(List.of(page));
        BookJob withdrawal = withdrawal("U0MEMBER", KIM.jobId());

        withdrawals.write(withdrawal);

        InOrder order = inOrder(announcer, pages);
        order.verify(announcer).showWithdrawn(withdrawal, KIM.jobId(), LINK, KIMS_MESSAGE);
        order.verify(pages).archive(page);
    }

    @Test
    void aCoRecommendersWithdrawalTakesOnlyTheirPartOffThePage() {
        BookPage page = page(PageShares.of(KIM).with(ALICE));
        when(pages.findByJobId(ALICE.jobId())).thenReturn(List.of(page));

        withdrawals.write(withdrawal("U0ALICE", ALICE.jobId()));

        verify(pages).writeShares(page, PageShares.of(KIM));
        verify(pages, never()).archive(any());
        verify(announcer).showWithdrawn(any(), any(), any(), org.mockito.ArgumentMatchers.eq(ALICES_MESSAGE));
    }

    @Test
    void aWithdrawalDeliveredAgainFindsNoPageAndOnlyShowsTheMessageWithdrawnOnceMore() {
        when(pages.findByJobId(KIM.jobId())).thenReturn(List.of());
        when(announcer.findMessage("C0BOOKS", KIM.jobId(), null, null)).thenReturn(Optional.of(KIMS_MESSAGE));
        BookJob withdrawal = withdrawal("U0MEMBER", KIM.jobId());

        withdrawals.write(withdrawal);

        verify(announcer).showWithdrawn(withdrawal, KIM.jobId(), LINK, KIMS_MESSAGE);
        verify(pages, never()).archive(any());
        verify(pages, never()).writeShares(any(), any());
    }

    @Test
    void aChangeMadeSecondsAfterItsShareComesBackLaterWhenNotionDoesNotShowTheShareYet() {
        Clock secondsLater = Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC);
        when(pages.findByJobId(KIM.jobId())).thenReturn(List.of());

        assertThatThrownBy(() -> new WithdrawWriter(pages, announcer, fence, secondsLater)
                .write(withdrawal("U0MEMBER", KIM.jobId()))).isInstanceOfSatisfying(TransientFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo("share-not-found-yet"));
        assertThatThrownBy(() -> new EditWriter(pages, announcer, fence, secondsLater)
                .write(edit("U0MEMBER", KIM.jobId(), LINK, "Better."))).isInstanceOfSatisfying(TransientFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo("share-not-found-yet"));
        verify(announcer, never()).showWithdrawn(any(), any(), any(), any());
    }

    @Test
    void someoneElsesWithdrawalIsRefused() {
        when(pages.findByJobId(KIM.jobId())).thenReturn(List.of(page(PageShares.of(KIM))));

        assertThatThrownBy(() -> withdrawals.write(withdrawal("U0ALICE", KIM.jobId())))
                .isInstanceOfSatisfying(PermanentFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo("not-the-sharer"));

        verify(pages, never()).archive(any());
        verifyNoInteractions(announcer);
    }
}

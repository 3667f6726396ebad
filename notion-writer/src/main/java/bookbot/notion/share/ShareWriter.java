package bookbot.notion.share;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookKey;
import bookbot.core.job.JobKind;
import bookbot.notion.JobWriter;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;
import bookbot.notion.page.NotionPages;
import bookbot.notion.page.PageChoice;
import bookbot.notion.page.Share;

/**
 * Writes a share: one page per book and one channel message per job, although a job may be delivered more than
 * once and two copies of it may run at once. A book shared before (same {@link BookKey}) gets the new share added
 * to its page, in one update that a retry finds by the job's id; the new share's message is noted on the page. The page remembers its message ({@link Announcement}): it is created
 * claimed by its writer, which posts and then writes down where the message is. Another copy that finds the
 * page leaves the posting to that writer while the claim holds, and a page that says it was posted is never
 * announced again. After creating a page the writer looks again, so that when two copies each made one, both
 * keep the same page ({@link PageChoice}) and the other goes to the trash.
 *
 * <p>Before any of that a copy takes the job's lock ({@link JobFence}); a copy that finds another one writing
 * touches nothing and comes back after the retry delay, when the page it would have made exists. After a write the
 * lock lingers until Notion's query shows the page; after a failure it goes at once, for the retry. The second look
 * stays for what the lock does not cover: a writer whose lock went with its broker connection while it kept
 * writing, a create whose answer was lost.
 */
public class ShareWriter implements JobWriter {

    private static final Logger log = LoggerFactory.getLogger(ShareWriter.class);

    private final NotionPages pages;
    private final ChannelAnnouncer announcer;
    private final JobFence fence;
    private final Duration claimLength;
    private final Clock clock;

    /**
     * @param claimLength how long a writer that created a page may take to post its message before another copy
     *                    of the job takes over: longer than the calls between creating and remembering
     */
    public ShareWriter(NotionPages pages, ChannelAnnouncer announcer, JobFence fence, Duration claimLength, Clock clock) {
        this.pages = pages;
        this.announcer = announcer;
        this.fence = fence;
        this.claimLength = claimLength;
        this.clock = clock;
    }

    @Override
    public JobKind kind() {
        return JobKind.SHARE;
    }

    @Override
    public void write(BookJob job) {
        HeldLocks locks = new HeldLocks(fence);
        locks.lockJob(job.jobId());
        boolean written = false;
        try {
            if (pages.format().onePagePerBook()) {
                locks.lockBook(BookKey.of(job.recommendation().bookUrl()));
            }
            writeOnce(job);
            written = true;
        } finally {
            // After a write: until Notion's query shows the page, the next copy would not find it.
            locks.finish(written);
        }
    }

    private void writeOnce(BookJob job) {
        List<BookPage> found = pages.findByJobId(job.jobId());
        Optional<String> createdHere = Optional.empty();
        if (found.isEmpty()) {
            Optional<BookPage> bookPage = bookPage(job);
            if (bookPage.isPresent()) {
                BookPage page = bookPage.get();
                // The page may already hold this share (the query by job id lags behind the one by book).
                announceLater(job, page.shares().contains(job.jobId()) ? page
                        : pages.writeShares(page, page.shares().with(shareOf(job))));
                return;
            }
            BookPage created = pages.create(job, clock.instant());
            createdHere = Optional.of(created.id());
            // Looks again, because another copy may have made a page meanwhile: a create whose answer was lost,
            // a redelivered copy still running elsewhere, or a second outcome of the stage before.
            found = withPage(pages.findByJobId(job.jobId()), created);
        }
        PageChoice choice = PageChoice.among(found);
        for (BookPage extra : choice.extras()) {
            if (extra.shares().size() > 1) {
                pages.writeShares(extra, extra.shares().without(job.jobId()));
            } else {
                pages.archive(extra);
            }
        }
        BookPage keeper = choice.keeper();
        boolean claimedHere = createdHere.filter(keeper.id()::equals).isPresent();
        if (claimedHere && pages.format().onePagePerBook()) {
            Optional<BookPage> older = olderPageOfTheBook(job, keeper);
            if (older.isPresent()) {
                // Another member shared the book at the same moment: the page started first keeps both.
                BookPage joined = pages.writeShares(older.get(), older.get().shares().with(shareOf(job)));
                pages.archive(keeper);
                announceLater(job, joined);
                return;
            }
        }
        if (keeper.firstShareIs(job.jobId())) {
            announceOnce(job, keeper, claimedHere);
        } else {
            announceLater(job, keeper);
        }
    }

    /** The page the book has already, when the job's link is to a book shared before. */
    private Optional<BookPage> bookPage(BookJob job) {
        if (!pages.format().onePagePerBook()) {
            return Optional.empty();
        }
        List<BookPage> book = pages.findByBookKey(BookKey.of(job.recommendation().bookUrl()));
        return book.isEmpty() ? Optional.empty() : Optional.of(PageChoice.among(book).keeper());
    }

    /**
     * Another page of the book that keeps, if one was made at the same moment as the page this copy just created
     * (two members, each finding no page): every writer that looks chooses the same page ({@link PageChoice}).
     */
    private Optional<BookPage> olderPageOfTheBook(BookJob job, BookPage created) {
        List<BookPage> book = withPage(pages.findByBookKey(BookKey.of(job.recommendation().bookUrl())), created);
        BookPage keeper = PageChoice.among(book).keeper();
        return keeper.id().equals(created.id()) ? Optional.empty() : Optional.of(keeper);
    }

    /**
     * Announces a share added to a book's page once: the page notes each later share's message; a message posted
     * by a writer that stopped before noting it is found in the channel's history by the share's job id.
     */
    private void announceLater(BookJob job, BookPage page) {
        if (page.firstShareIs(job.jobId())) {
            // This job made the page: its message is the page's own, claimed by the writer that created it.
            announceOnce(job, page, false);
            return;
        }
        Optional<Announcement.Posted> noted = page.messageOf(job.jobId());
        if (noted.isPresent()) {
            log.info("job {} was already announced ({} {})", job.jobId(), noted.get().channel(), noted.get().ts());
            return;
        }
        Announcement.Posted posted = announcer.findMessage(job.recommendation().channelId(), job.jobId(),
                job.submittedAt(), null).orElseGet(() -> announcer.announce(job, page));
        try {
            pages.rememberNote(page, job.jobId(), posted);
        } catch (RuntimeException e) {
            log.warn("job {} announced ({} {}), but page {} could not note it: {}", job.jobId(), posted.channel(),
                    posted.ts(), page.id(), e.getMessage());
        }
    }

    private static Share shareOf(BookJob job) {
        return Share.of(job, job.jobId());
    }

    private void announceOnce(BookJob job, BookPage page, boolean claimedHere) {
        Instant now = clock.instant();
        switch (page.announcement()) {
            case Announcement.Posted posted -> log.info("job {} was already announced ({} {})", job.jobId(),
                    posted.channel(), posted.ts());
            case Announcement.Claimed claim when !claimedHere && claim.heldAt(now, claimLength) ->
                throw new TransientFailure("announcement-claimed", "page " + page.id()
                        + " is being announced by another copy of this job (" + claim.text() + ")", null,
                        claim.remainingAt(now, claimLength).plusSeconds(1));
            default -> {
                // Created here, or its writer stopped before writing down what it posted.
                Optional<Announcement.Posted> earlier = claimedHere ? Optional.empty()
                        : announcer.findAnnouncement(job, page);
                noteOnPage(job, page, earlier.orElseGet(() -> post(job, page)));
            }
        }
    }

    /**
     * Posts the message. When Slack answered that it did not post it (an error, a 5xx, a rate limit: anything but
     * a lost answer), the page's claim is released first, so that the job's next attempt posts at once instead of
     * waiting for the claim to end.
     */
    private Announcement.Posted post(BookJob job, BookPage page) {
        try {
            return announcer.announce(job, page);
        } catch (RuntimeException e) {
            if (!answerWasLost(e)) {
                try {
                    pages.release(page);
                } catch (RuntimeException releaseFailed) {
                    log.warn("job {}: could not release page {} after Slack refused the message: {}", job.jobId(),
                            page.id(), releaseFailed.getMessage());
                }
            }
            throw e;
        }
    }

    /**
     * The book is archived and announced whatever happens here: a failure to write it down is logged, not
     * retried (a retry could post again) and never a dead letter.
     */
    private void noteOnPage(BookJob job, BookPage page, Announcement.Posted posted) {
        try {
            pages.remember(page, posted);
        } catch (RuntimeException e) {
            log.warn("job {} announced ({} {}), but page {} could not note it: {}", job.jobId(), posted.channel(),
                    posted.ts(), page.id(), e.getMessage());
        }
    }

    private static boolean answerWasLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The query may not show a page Notion created a moment ago. */
    private static List<BookPage> withPage(List<BookPage> found, BookPage created) {
        if (found.stream().anyMatch(page -> page.id().equals(created.id()))) {
            return found;
        }
        List<BookPage> all = new ArrayList<>(found);
        all.add(created);
        return all;
    }
}

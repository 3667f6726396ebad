package bookbot.notion.share;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.failure.PermanentFailure;
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
 * Writes a member's edit of their share ({@link BookJob#subject()}): their part of the book's page takes the new
 * name and reason — and the book's link, title, category and cover when theirs is the page's first share — and
 * their channel message is shown edited in place. A link to another book moves the share to that book's page (made
 * when the book has none), and off the old one (to the trash when it was alone there). Writing the same values
 * again changes nothing, so a second delivery is harmless.
 */
public class EditWriter implements JobWriter {

    private static final Logger log = LoggerFactory.getLogger(EditWriter.class);

    private final NotionPages pages;
    private final ChannelAnnouncer announcer;
    private final JobFence fence;
    private final SharedPages shared;
    private final Clock clock;

    public EditWriter(NotionPages pages, ChannelAnnouncer announcer, JobFence fence, Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.announcer = announcer;
        this.fence = fence;
        this.shared = new SharedPages(pages, announcer);
    }

    @Override
    public JobKind kind() {
        return JobKind.EDIT;
    }

    @Override
    public void write(BookJob edit) {
        HeldLocks locks = new HeldLocks(fence);
        locks.lockJob(edit.jobId());
        boolean written = false;
        try {
            SharedPages.Found found = find(edit);
            if (pages.format().onePagePerBook()) {
                locks.lockBook(found.page().bookKey());
                locks.lockBook(BookKey.of(edit.recommendation().bookUrl()));
                found = find(edit);
            }
            writeOnce(edit, found);
            written = true;
        } finally {
            locks.finish(written);
        }
    }

    private SharedPages.Found find(BookJob edit) {
        SharedPages.Found found = shared.find(edit.subject()).orElseThrow(() -> SharedPages.mayNotBeVisibleYet(edit, clock)
                ? SharedPages.notVisibleYet(edit) : new PermanentFailure("share-not-found", "edit " + edit.jobId() + ": no page holds share " + edit.subject()
                        + " (withdrawn, or its page deleted)", null));
        SharedPages.requireSharer(edit, found.share());
        return found;
    }

    private void writeOnce(BookJob edit, SharedPages.Found found) {
        Share share = found.share();
        Share edited = share.edited(edit.recommenderDisplayName(), edit.recommendation().reason());
        Optional<Announcement.Posted> message = shared.messageOf(edit, found.page(), share);
        String newKey = BookKey.of(edit.recommendation().bookUrl());
        BookPage page = found.page();
        BookPage now;
        if (pages.format().onePagePerBook() && page.bookKey() != null && !newKey.equals(page.bookKey())) {
            now = move(edit, edited, newKey, message);
        } else {
            now = pages.writeShares(page, page.shares().with(edited));
            if (page.firstShareIs(share.jobId())) {
                pages.writeBook(page, edit);
            }
        }
        if (message.isPresent()) {
            announcer.showEdited(edit, share.jobId(), now, message.get());
        } else {
            log.warn("edit {}: the message of share {} was not found; the page is edited", edit.jobId(),
                    share.jobId());
        }
    }

    /** Puts the share on the page of the book its link names now, then takes it off every other page. */
    private BookPage move(BookJob edit, Share edited, String newKey, Optional<Announcement.Posted> message) {
        List<BookPage> holding = pages.findByJobId(edited.jobId());
        Optional<BookPage> moved = holding.stream().filter(page -> newKey.equals(page.bookKey())).findFirst();
        BookPage target;
        if (moved.isPresent()) {
            target = pages.writeShares(moved.get(), moved.get().shares().with(edited));
        } else {
            List<BookPage> book = pages.findByBookKey(newKey);
            if (book.isEmpty()) {
                Announcement announcement = message.<Announcement>map(posted -> posted)
                        .orElseGet(Announcement.Unannounced::new);
                target = pages.createFor(edit, edited, announcement);
            } else {
                BookPage keeper = PageChoice.among(book).keeper();
                BookPage noted = message.map(posted -> keeper.withNote(edited.jobId(), posted)).orElse(keeper);
                target = pages.writeShares(noted, keeper.shares().with(edited));
            }
        }
        for (BookPage old : holding) {
            if (!old.id().equals(target.id()) && !newKey.equals(old.bookKey())) {
                shared.remove(old, edited.jobId());
            }
        }
        return target;
    }
}

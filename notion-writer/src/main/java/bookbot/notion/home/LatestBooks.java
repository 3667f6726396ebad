package bookbot.notion.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.digest.SharedBook;
import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;
import bookbot.integration.notion.BookShelf;

/**
 * The club's latest books as this writer knows them, for the Home tab: read from Notion at most once per
 * {@code refreshEvery}, whoever opens Home meanwhile, so opening Home costs Notion nothing more; a share this
 * writer wrote is added at once (linked to the book until the next read gives its page). When Notion cannot be
 * read, the books read before are shown.
 */
class LatestBooks {

    private static final Logger log = LoggerFactory.getLogger(LatestBooks.class);

    private final BookShelf shelf;
    private final int size;
    private final Duration refreshEvery;
    private final Clock clock;
    private List<SharedBook> books = List.of();
    private Instant readAt;

    LatestBooks(BookShelf shelf, int size, Duration refreshEvery, Clock clock) {
        this.shelf = shelf;
        this.size = size;
        this.refreshEvery = refreshEvery;
        this.clock = clock;
    }

    /** Newest first. */
    synchronized List<SharedBook> books() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(refreshEvery))) {
            try {
                books = shelf.latest(size);
            } catch (RuntimeException e) {
                if (readAt == null) {
                    throw e;
                }
                log.warn("the latest books could not be read from Notion, showing those of {}: {}", readAt,
                        e.getMessage());
            }
            readAt = now;
        }
        return books;
    }

    /** A job this writer wrote: a share shows at once. */
    synchronized void written(BookJob job) {
        if (job.kind() != JobKind.SHARE || readAt == null) {
            return;
        }
        String cover = job.book() == null ? null : job.book().imageUrl();
        SharedBook shared = new SharedBook(job.recommendation().bookUrl(), job.displayTitle(), cover,
                job.submittedAt(), List.of(new SharedBook.Share(job.recommendation().userId(),
                        job.recommenderDisplayName(), job.submittedAt())));
        List<SharedBook> updated = new ArrayList<>(books.size() + 1);
        updated.add(shared);
        books.stream().limit(size - 1L).forEach(updated::add);
        books = List.copyOf(updated);
    }
}

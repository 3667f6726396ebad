package bookbot.notion.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages this process created lately, by job id, with what it last wrote on them. Notion's database query
 * does not show a new page at once, so a second copy of a job arriving right after the first (the stage before
 * published its outcome twice, say after its connection dropped between confirm and acknowledgement) would
 * find nothing and create a second page; here it finds the first. Bounded: the oldest are forgotten.
 */
final class RecentPages {

    private final Map<String, BookPage> byJobId;

    RecentPages(int capacity) {
        this.byJobId = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BookPage> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void created(String jobId, BookPage page) {
        byJobId.put(jobId, page);
    }

    synchronized void updated(BookPage page, Announcement announcement) {
        byJobId.replaceAll((jobId, known) -> known.id().equals(page.id()) ? known.withAnnouncement(announcement)
                : known);
    }

    /**
     * The page now holds these shares: a job whose share left it (an edit moved it, a withdrawal took it off) no
     * longer finds it here, and the others find what it holds now.
     */
    synchronized void sharesWritten(BookPage page) {
        byJobId.entrySet().removeIf(entry -> entry.getValue().id().equals(page.id())
                && !page.shares().contains(entry.getKey()));
        byJobId.replaceAll((jobId, known) -> known.id().equals(page.id()) ? page : known);
    }

    synchronized void archived(BookPage page) {
        byJobId.values().removeIf(known -> known.id().equals(page.id()));
    }

    /** The query's pages, plus the one this process created for the job when the query does not show it yet. */
    synchronized List<BookPage> addTo(String jobId, List<BookPage> found) {
        BookPage known = byJobId.get(jobId);
        if (known == null) {
            return found;
        }
        List<BookPage> all = new ArrayList<>();
        boolean listed = false;
        for (BookPage page : found) {
            listed |= page.id().equals(known.id());
            // What this process wrote of the announcement is newer than what a lagging query may still show, unless
            // it shows the message posted (by another copy); the rest (later shares of the book) is the query's.
            all.add(page.id().equals(known.id()) && !page.posted() ? page.withAnnouncement(known.announcement())
                    : page);
        }
        if (!listed) {
            all.add(known);
        }
        return all;
    }
}

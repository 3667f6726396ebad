package bookbot.notion.page;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which page of a job stays when there is more than one, and which go to the trash. A job can have two pages
 * when Notion stored a page whose answer was lost, or when two copies of the job ran at once (the broker hands a
 * job to a second worker as soon as the first one's connection drops, while the first is still inside its
 * Notion call). Every copy that looks decides the same way:
 *
 * <ol>
 * <li>a page already announced stays (its message links to it);</li>
 * <li>otherwise the page whose writer started first (its claim's time, else Notion's creation time), then the
 *     smallest id — so that two copies seeing the same pages pick the same one;</li>
 * <li>every other page that was not announced goes to the trash, whoever made it: a writer that still claims
 *     one comes to the same decision when it looks (and the one that lost its create's answer never will).</li>
 * </ol>
 *
 * @param keeper the page the job's message links to
 * @param extras the pages this copy sends to the trash
 */
public record PageChoice(BookPage keeper, List<BookPage> extras) {

    private static final Comparator<BookPage> KEEPER_FIRST = Comparator
            .comparing((BookPage page) -> !page.posted())
            .thenComparing(PageChoice::startedAt)
            .thenComparing(BookPage::id);

    /** @param pages the job's pages, at least one */
    public static PageChoice among(List<BookPage> pages) {
        List<BookPage> ordered = pages.stream().sorted(KEEPER_FIRST).toList();
        BookPage keeper = ordered.getFirst();
        List<BookPage> extras = ordered.stream().skip(1).filter(page -> !page.posted()).toList();
        return new PageChoice(keeper, extras);
    }

    private static Instant startedAt(BookPage page) {
        return page.announcement() instanceof Announcement.Claimed claim ? claim.since() : page.createdAt();
    }
}

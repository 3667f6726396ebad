package bookbot.core.digest;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a month's digest says: the books first shared that month (a page counts in the month of its
 * {@code recommended at}; a later co-recommendation does not count it again), and the reader(s) of the month —
 * the members with the most shares made that month, every share counting (a co-recommendation of an older book
 * too), all of them on a tie.
 *
 * @param books       the month's books, in the order they were shared
 * @param readers     the readers of the month, by their first share of the month; empty for an empty month
 * @param readerShares how many shares each reader made that month
 */
public record MonthlyDigest(YearMonth month, List<SharedBook> books, List<SharedBook.Share> readers,
        int readerShares) {

    public MonthlyDigest {
        books = List.copyOf(books);
        readers = List.copyOf(readers);
    }

    /**
     * @param pages the pages that may concern the month (more do no harm: each is counted by its own dates); a
     *              page listed twice counts once
     * @param zone  the club's time zone: where a month begins and ends
     */
    public static MonthlyDigest of(YearMonth month, ZoneId zone, Collection<SharedBook> pages) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, SharedBook> unique = new LinkedHashMap<>();
        pages.forEach(page -> unique.putIfAbsent(page.pageUrl(), page));

        List<SharedBook> books = unique.values().stream()
                .filter(page -> within(page.recommendedAt(), start, end))
                .sorted(Comparator.comparing(SharedBook::recommendedAt).thenComparing(SharedBook::title))
                .toList();

        Map<String, List<SharedBook.Share>> sharesByMember = new LinkedHashMap<>();
        unique.values().stream().flatMap(page -> page.shares().stream())
                .filter(share -> share.memberKey() != null && within(share.at(), start, end))
                .sorted(Comparator.comparing(SharedBook.Share::at))
                .forEach(share -> sharesByMember.computeIfAbsent(share.memberKey(), key -> new ArrayList<>()).add(share));
        int most = sharesByMember.values().stream().mapToInt(List::size).max().orElse(0);
        List<SharedBook.Share> readers = sharesByMember.values().stream().filter(shares -> shares.size() == most)
                .map(List::getFirst).toList();
        return new MonthlyDigest(month, books, readers, most);
    }

    /** No book was first shared this month: the digest only invites members to share. */
    public boolean empty() {
        return books.isEmpty();
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }
}

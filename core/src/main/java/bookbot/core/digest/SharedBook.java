package bookbot.core.digest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A book's page as the digest and the Home tab read it: its title and link, when it was first shared, and every
 * share of it (who and when). Read from the page's properties, old and new: a page with {@code recommender ids}
 * names its members by Slack user id, an older one only by display name; a page with {@code shared at} says when
 * each share was made, an older one was shared once, when it was recommended.
 *
 * @param pageUrl       the Notion page
 * @param coverUrl      the book's cover, or null
 * @param recommendedAt when the page was created (its first share)
 * @param shares        oldest first
 */
public record SharedBook(String pageUrl, String title, String coverUrl, Instant recommendedAt, List<Share> shares) {

    /**
     * One member's share of the book.
     *
     * @param memberId the Slack user id, or null on a page that only has names
     * @param name     the display name, or null when the page has only ids
     * @param at       when it was shared
     */
    public record Share(String memberId, String name, Instant at) {

        /** What counts as one member: the user id when known, else the name. */
        public String memberKey() {
            return memberId != null ? memberId : name;
        }
    }

    public SharedBook {
        shares = List.copyOf(shares);
    }

    /** What the page writes for a share's user id or time it does not know (a share made before the property). */
    private static final String UNKNOWN = "-";

    /**
     * Reads the page's text properties as the share writer writes them: {@code recommender} names joined by ", ",
     * {@code recommender ids} and {@code shared at} space-separated, all in the same order.
     *
     * @param names   the {@code recommender} text, possibly blank
     * @param ids     the {@code recommender ids} text, or null/blank on an older page
     * @param sharedAt the {@code shared at} text, or null/blank on an older page
     */
    public static SharedBook fromPage(String pageUrl, String title, String coverUrl, Instant recommendedAt,
            String names, String ids, String sharedAt) {
        List<String> idList = words(ids);
        List<String> nameList = names == null || names.isBlank() ? List.of()
                : Arrays.stream(names.split(", ")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        List<Instant> times = instants(sharedAt);
        int members = !idList.isEmpty() ? idList.size() : nameList.size();
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String id = idList.isEmpty() || UNKNOWN.equals(idList.get(i)) ? null : idList.get(i);
            // Names line up with ids only when there are as many (a name could contain ", ").
            String name = nameList.size() == members ? nameList.get(i) : (idList.isEmpty() ? nameList.get(i) : null);
            Instant at = times.size() == members && times.get(i) != null ? times.get(i) : recommendedAt;
            shares.add(new Share(id, name, at));
        }
        return new SharedBook(pageUrl, title, coverUrl, recommendedAt, shares);
    }

    /** Whether this member shared the book, by user id. */
    public boolean sharedBy(String memberId) {
        return shares.stream().anyMatch(share -> memberId.equals(share.memberId()));
    }

    /** The names (or, where the page has none, the user ids) of those who shared it, in order. */
    public List<String> sharerNames() {
        return shares.stream().map(share -> share.name() != null ? share.name() : share.memberId()).toList();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.strip().split("\\s+")).toList();
    }

    /** Each share's time, null where the page does not know it ({@code -}, for a share made before the property). */
    private static List<Instant> instants(String text) {
        return words(text).stream().map(SharedBook::instant).toList();
    }

    private static Instant instant(String word) {
        try {
            return Instant.parse(word);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package bookbot.notion.page;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The recommendations on one book's page, oldest first, and how the page's text properties hold them: {@code Job ID}
 * and {@code recommender ids} space-separated, {@code recommender} comma-separated (a name's own ", " is stored as
 * ","), {@code shared at} as space-separated instants, and {@code recommend reason} as the reason itself for one
 * recommender, else one {@code Name: reason} paragraph each, separated by a blank line.
 */
public record PageShares(List<Share> shares) {

    private static final String NAME_SEPARATOR = ", ";
    private static final String PARAGRAPH = "\n\n";

    public PageShares {
        shares = List.copyOf(shares);
    }

    public static PageShares of(Share share) {
        return new PageShares(List.of(share));
    }

    /** Reads the properties back; what a page of an older release lacks stays null. */
    public static PageShares read(String jobIds, String names, String userIds, String reasons, String sharedAt) {
        List<String> ids = words(jobIds);
        if (ids.isEmpty()) {
            return new PageShares(List.of());
        }
        List<String> users = words(userIds);
        List<String> times = words(sharedAt);
        List<String> nameList = ids.size() == 1 ? List.of(orEmpty(names)) : Arrays.asList(orEmpty(names).split(NAME_SEPARATOR, -1));
        List<String> reasonList = ids.size() == 1 ? List.of(orEmpty(reasons)) : paragraphs(orEmpty(reasons), nameList, ids.size());
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            shares.add(new Share(ids.get(i), at(users, i), at(nameList, i), at(reasonList, i), instant(at(times, i))));
        }
        return new PageShares(shares);
    }

    public Optional<Share> find(String jobId) {
        return shares.stream().filter(share -> share.jobId().equals(jobId)).findFirst();
    }

    public boolean contains(String jobId) {
        return find(jobId).isPresent();
    }

    public int size() {
        return shares.size();
    }

    public Share first() {
        return shares.getFirst();
    }

    /** With the share added last, or put in place of the share of the same job. */
    public PageShares with(Share share) {
        List<Share> all = new ArrayList<>(shares);
        int at = indexOf(share.jobId());
        if (at >= 0) {
            all.set(at, share);
        } else {
            all.add(share);
        }
        return new PageShares(all);
    }

    public PageShares without(String jobId) {
        return new PageShares(shares.stream().filter(share -> !share.jobId().equals(jobId)).toList());
    }

    /** The other recommenders' names, for a message that says who else recommends the book. */
    public List<String> namesBesides(String jobId) {
        return shares.stream().filter(share -> !share.jobId().equals(jobId)).map(Share::name).toList();
    }

    public String jobIdsText() {
        return join(" ", Share::jobId);
    }

    public String namesText() {
        return join(NAME_SEPARATOR, Share::name);
    }

    public String userIdsText() {
        return join(" ", share -> share.userId() == null ? "-" : share.userId());
    }

    public String sharedAtText() {
        return join(" ", share -> share.sharedAt() == null ? "-" : share.sharedAt().toString());
    }

    public String reasonText() {
        if (shares.size() == 1) {
            return shares.getFirst().reason();
        }
        return join(PARAGRAPH, share -> share.name() + ": " + share.reason());
    }

    private int indexOf(String jobId) {
        for (int i = 0; i < shares.size(); i++) {
            if (shares.get(i).jobId().equals(jobId)) {
                return i;
            }
        }
        return -1;
    }

    private String join(String separator, java.util.function.Function<Share, String> part) {
        return shares.stream().map(part).collect(Collectors.joining(separator));
    }

    /** Each recommender's paragraph, found by the next recommender's name: a reason may hold blank lines too. */
    private static List<String> paragraphs(String text, List<String> names, int count) {
        List<String> reasons = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < count; i++) {
            String prefix = at(names, i) + ": ";
            if (text.startsWith(prefix, start)) {
                start += prefix.length();
            }
            int end = text.length();
            if (i + 1 < count) {
                int next = text.indexOf(PARAGRAPH + at(names, i + 1) + ": ", start);
                end = next >= 0 ? next : text.length();
            }
            reasons.add(text.substring(Math.min(start, end), end));
            start = Math.min(text.length(), end + PARAGRAPH.length());
        }
        return reasons;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static String at(List<String> list, int index) {
        String value = index < list.size() ? list.get(index) : null;
        return value == null || value.equals("-") ? null : value;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

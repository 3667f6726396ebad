package bookbot.notion.page;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A book's Notion page: the first share's page, with the recommendations added to it since.
 *
 * @param createdAt    when Notion created it (Notion rounds this to the minute)
 * @param announcement what the page remembers of its first share's channel message
 * @param bookKey      which book it is about; null on a page of an older release
 * @param shares       the recommendations on it, oldest first (the first one made the page)
 * @param notes        where the channel message of each later recommendation is, by its job id
 */
public record BookPage(String id, String url, Instant createdAt, Announcement announcement, String bookKey,
        PageShares shares, Map<String, Announcement.Posted> notes) {

    public BookPage {
        shares = shares == null ? new PageShares(List.of()) : shares;
        notes = notes == null ? Map.of() : Map.copyOf(notes);
    }

    /** A page whose shares are not known (tests of one job's page). */
    public BookPage(String id, String url, Instant createdAt, Announcement announcement) {
        this(id, url, createdAt, announcement, null, null, null);
    }

    public boolean posted() {
        return announcement instanceof Announcement.Posted;
    }

    /** Whether the job made this page (its message is the page's {@link #announcement}). */
    public boolean firstShareIs(String jobId) {
        return shares.size() == 0 || shares.first().jobId().equals(jobId);
    }

    /** Where the message of a share on this page is, when the page knows. */
    public Optional<Announcement.Posted> messageOf(String jobId) {
        if (firstShareIs(jobId)) {
            return announcement instanceof Announcement.Posted posted ? Optional.of(posted) : Optional.empty();
        }
        return Optional.ofNullable(notes.get(jobId));
    }

    public BookPage withAnnouncement(Announcement newAnnouncement) {
        return new BookPage(id, url, createdAt, newAnnouncement, bookKey, shares, notes);
    }

    public BookPage withNote(String jobId, Announcement.Posted posted) {
        Map<String, Announcement.Posted> all = new LinkedHashMap<>(notes);
        all.put(jobId, posted);
        return new BookPage(id, url, createdAt, announcement, bookKey, shares, all);
    }

    /**
     * The page with other shares. When the first share goes, the next one's message becomes the page's
     * announcement; notes of shares no longer on the page go.
     */
    public BookPage withShares(PageShares newShares) {
        Announcement first = announcement;
        if (newShares.size() > 0 && shares.size() > 0 && !newShares.first().jobId().equals(shares.first().jobId())) {
            Announcement.Posted next = notes.get(newShares.first().jobId());
            first = next == null ? new Announcement.Unannounced() : next;
        }
        Map<String, Announcement.Posted> kept = new LinkedHashMap<>();
        for (int i = 1; i < newShares.size(); i++) {
            String jobId = newShares.shares().get(i).jobId();
            if (notes.containsKey(jobId)) {
                kept.put(jobId, notes.get(jobId));
            } else if (shares.size() > 0 && shares.first().jobId().equals(jobId) && posted()) {
                kept.put(jobId, (Announcement.Posted) announcement);
            }
        }
        return new BookPage(id, url, createdAt, first, bookKey, newShares, kept);
    }

    /**
     * The {@code Slack message} property: the first share's announcement on the first line (as pages of the
     * previous release have it), then one line {@code <job id> posted <channel> <ts>} per later share announced.
     */
    public String slackMessageText() {
        StringBuilder text = new StringBuilder(announcement.text());
        notes.forEach((jobId, posted) -> text.append('\n').append(jobId).append(' ').append(posted.text()));
        return text.toString();
    }

    /** Reads the later shares' lines of a {@code Slack message} property. */
    static Map<String, Announcement.Posted> notesIn(String slackMessage) {
        Map<String, Announcement.Posted> notes = new LinkedHashMap<>();
        if (slackMessage == null) {
            return notes;
        }
        slackMessage.lines().skip(1).forEach(line -> {
            String[] words = line.strip().split(" ");
            if (words.length == 4 && words[1].equals("posted")) {
                notes.put(words[0], new Announcement.Posted(words[2], words[3]));
            }
        });
        return notes;
    }
}

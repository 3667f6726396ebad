package bookbot.notion.share;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;
import bookbot.notion.page.NotionPages;
import bookbot.notion.page.PageChoice;
import bookbot.notion.page.Share;

/** What an edit or a withdrawal needs of the share it changes: its page, its part of it, its message. */
final class SharedPages {

    /**
     * How long after a member's edit or withdrawal a share that cannot be found may still be a page Notion's query
     * does not show yet (the share was written seconds before, perhaps by another writer): the change is retried
     * meanwhile instead of being taken for a share that is gone.
     */
    static final Duration QUERY_LAG = Duration.ofMinutes(2);

    /** Whether {@code change} is young enough that a share it cannot find may not be visible yet. */
    static boolean mayNotBeVisibleYet(BookJob change, Clock clock) {
        return change.submittedAt().isAfter(clock.instant().minus(QUERY_LAG));
    }

    static TransientFailure notVisibleYet(BookJob change) {
        return new TransientFailure("share-not-found-yet", change.kind() + " " + change.jobId()
                + ": no page holds share " + change.subject() + " yet (Notion's query may lag): trying again", null);
    }


    record Found(BookPage page, Share share) {
    }

    private final NotionPages pages;
    private final ChannelAnnouncer announcer;

    SharedPages(NotionPages pages, ChannelAnnouncer announcer) {
        this.pages = pages;
        this.announcer = announcer;
    }

    Optional<Found> find(String shareJobId) {
        List<BookPage> found = pages.findByJobId(shareJobId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BookPage page = PageChoice.among(found).keeper();
        return Optional.of(new Found(page, page.shares().find(shareJobId).orElseThrow()));
    }

    /**
     * Only the member who shared may change the share (the gateway checks it too, from the message's metadata).
     * A page of a database without {@code recommender ids} cannot say who that was.
     */
    static void requireSharer(BookJob job, Share share) {
        if (share.userId() != null && !share.userId().equals(job.recommendation().userId())) {
            throw new PermanentFailure("not-the-sharer", job.kind() + " " + job.jobId() + " by "
                    + job.recommendation().userId() + " of share " + share.jobId() + ", which " + share.userId()
                    + " made: only the member who shared may change it", null);
        }
    }

    /** Where the share's message is: as the page noted it, else in the channel's history. */
    Optional<Announcement.Posted> messageOf(BookJob job, BookPage page, Share share) {
        Optional<Announcement.Posted> noted = page.messageOf(share.jobId());
        if (noted.isPresent()) {
            return noted;
        }
        return announcer.findMessage(job.recommendation().channelId(), share.jobId(), share.sharedAt(),
                page.firstShareIs(share.jobId()) ? page.url() : null);
    }

    /** Takes the share off its page: the page goes to the trash when it was the only one. */
    void remove(BookPage page, String shareJobId) {
        if (page.shares().size() <= 1) {
            pages.archive(page);
        } else {
            pages.writeShares(page, page.shares().without(shareJobId));
        }
    }
}

package bookbot.notion;

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
import bookbot.core.messaging.Stage;
import bookbot.core.worker.StageHandler;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;
import bookbot.notion.page.NotionPages;
import bookbot.notion.page.PageChoice;

/**
 * The last stage: one page and one channel message per job, although a job may be delivered more than once and
 * two copies of it may run at once. The page remembers its message ({@link Announcement}): it is created
 * claimed by its writer, which posts and then writes down where the message is. Another copy that finds the
 * page leaves the posting to that writer while the claim holds, and a page that says it was posted is never
 * announced again. After creating a page the writer looks again, so that when two copies each made one, both
 * keep the same page ({@link PageChoice}) and the other goes to the trash.
 */
class WriteStage implements StageHandler {

    private static final Logger log = LoggerFactory.getLogger(WriteStage.class);

    private final NotionPages pages;
    private final ChannelAnnouncer announcer;
    private final Duration claimLength;
    private final Clock clock;

    /**
     * @param claimLength how long a writer that created a page may take to post its message before another copy
     *                    of the job takes over: longer than the calls between creating and remembering
     */
    WriteStage(NotionPages pages, ChannelAnnouncer announcer, Duration claimLength, Clock clock) {
        this.pages = pages;
        this.announcer = announcer;
        this.claimLength = claimLength;
        this.clock = clock;
    }

    @Override
    public Stage stage() {
        return Stage.WRITE;
    }

    @Override
    public Optional<BookJob> handle(BookJob job) {
        List<BookPage> found = pages.findByJobId(job.jobId());
        Optional<String> createdHere = Optional.empty();
        if (found.isEmpty()) {
            BookPage created = pages.create(job, clock.instant());
            createdHere = Optional.of(created.id());
            // Looks again, because another copy may have made a page meanwhile: a create whose answer was lost,
            // a redelivered copy still running elsewhere, or a second outcome of the stage before.
            found = withPage(pages.findByJobId(job.jobId()), created);
        }
        PageChoice choice = PageChoice.among(found, createdHere, clock.instant(), claimLength);
        choice.extras().forEach(pages::archive);
        announceOnce(job, choice.keeper(), createdHere.filter(choice.keeper().id()::equals).isPresent());
        return Optional.empty();
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
                pages.remember(page, earlier.orElseGet(() -> announcer.announce(job, page)));
            }
        }
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

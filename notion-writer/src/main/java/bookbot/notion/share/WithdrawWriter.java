package bookbot.notion.share;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.job.BookJob;
import bookbot.core.job.JobKind;
import bookbot.notion.JobWriter;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.fence.JobFence;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.NotionPages;

/**
 * Writes a member's withdrawal of their share ({@link BookJob#subject()}): the message says it was withdrawn, and
 * loses its menu, first — so that a writer stopped half-way finds the share still on the page, and where its
 * message is, when the withdrawal comes again — then the page goes to the trash when the member was its only
 * recommender, else their part is taken off it. A withdrawal that finds no page left updates the message again
 * (found in the channel's history) and changes nothing else.
 */
public class WithdrawWriter implements JobWriter {

    private static final Logger log = LoggerFactory.getLogger(WithdrawWriter.class);

    private final NotionPages pages;
    private final ChannelAnnouncer announcer;
    private final JobFence fence;
    private final SharedPages shared;
    private final Clock clock;

    public WithdrawWriter(NotionPages pages, ChannelAnnouncer announcer, JobFence fence, Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.announcer = announcer;
        this.fence = fence;
        this.shared = new SharedPages(pages, announcer);
    }

    @Override
    public JobKind kind() {
        return JobKind.WITHDRAW;
    }

    @Override
    public void write(BookJob withdrawal) {
        HeldLocks locks = new HeldLocks(fence);
        locks.lockJob(withdrawal.jobId());
        boolean written = false;
        try {
            Optional<SharedPages.Found> found = shared.find(withdrawal.subject());
            if (found.isPresent()) {
                SharedPages.requireSharer(withdrawal, found.get().share());
                if (pages.format().onePagePerBook()) {
                    locks.lockBook(found.get().page().bookKey());
                    found = shared.find(withdrawal.subject());
                }
            }
            if (found.isEmpty() && SharedPages.mayNotBeVisibleYet(withdrawal, clock)) {
                throw SharedPages.notVisibleYet(withdrawal);
            }
            found.ifPresentOrElse(share -> withdraw(withdrawal, share), () -> alreadyWithdrawn(withdrawal));
            written = true;
        } finally {
            locks.finish(written);
        }
    }

    private void withdraw(BookJob withdrawal, SharedPages.Found found) {
        shared.messageOf(withdrawal, found.page(), found.share()).ifPresentOrElse(
                message -> announcer.showWithdrawn(withdrawal, found.share().jobId(), withdrawal.displayTitle(),
                        message),
                () -> log.warn("withdrawal {}: the message of share {} was not found", withdrawal.jobId(),
                        found.share().jobId()));
        shared.remove(found.page(), found.share().jobId());
    }

    private void alreadyWithdrawn(BookJob withdrawal) {
        Optional<Announcement.Posted> message = announcer.findMessage(withdrawal.recommendation().channelId(),
                withdrawal.subject(), null, null);
        message.ifPresent(posted -> announcer.showWithdrawn(withdrawal, withdrawal.subject(),
                withdrawal.displayTitle(), posted));
        log.info("withdrawal {}: no page holds share {} any more (withdrawn before){}", withdrawal.jobId(),
                withdrawal.subject(), message.isPresent() ? "; its message says so" : "");
    }
}

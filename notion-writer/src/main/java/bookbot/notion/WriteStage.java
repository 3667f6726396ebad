package bookbot.notion;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.Stage;
import bookbot.core.worker.StageHandler;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.page.BookPage;
import bookbot.notion.page.NotionPages;

/**
 * The last stage: the page first, then the channel message that links to it, each exactly once per job
 * although a job may be delivered more than once. A page this attempt created cannot have been announced
 * yet (announcing comes after the page), so it is announced at once; a page an earlier attempt created may
 * have been announced before that attempt died, so the channel is checked first.
 */
@Component
class WriteStage implements StageHandler {

    private static final Logger log = LoggerFactory.getLogger(WriteStage.class);

    private final NotionPages pages;
    private final ChannelAnnouncer announcer;

    WriteStage(NotionPages pages, ChannelAnnouncer announcer) {
        this.pages = pages;
        this.announcer = announcer;
    }

    @Override
    public Stage stage() {
        return Stage.WRITE;
    }

    @Override
    public Optional<BookJob> handle(BookJob job) {
        Optional<BookPage> earlier = pages.findByJobId(job.jobId());
        if (earlier.isPresent() && announcer.findAnnouncement(job, earlier.get()).isPresent()) {
            log.info("job {} was already announced by an earlier attempt", job.jobId());
            return Optional.empty();
        }
        BookPage page = earlier.orElseGet(() -> pages.create(job));
        announcer.announce(job, page);
        return Optional.empty();
    }
}

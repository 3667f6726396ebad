package bookbot.notion;

import java.util.Optional;

import org.springframework.stereotype.Component;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.Stage;
import bookbot.core.worker.StageHandler;
import bookbot.notion.announce.ChannelAnnouncer;
import bookbot.notion.page.BookPage;
import bookbot.notion.page.NotionPages;

/**
 * The last stage: the page first (reusing the one a previous attempt created for this job), then the
 * channel message that links to it.
 */
@Component
class WriteStage implements StageHandler {

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
        BookPage page = pages.findByJobId(job.jobId()).orElseGet(() -> pages.create(job));
        announcer.announce(job, page);
        return Optional.empty();
    }
}

package bookbot.notion.page;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.job.BookJob;
import notion.api.v1.NotionClient;
import notion.api.v1.model.databases.QueryResults;
import notion.api.v1.model.databases.query.filter.PropertyFilter;
import notion.api.v1.model.databases.query.filter.condition.TextFilter;
import notion.api.v1.model.pages.Page;
import notion.api.v1.request.databases.QueryDatabaseRequest;

/**
 * The club's Notion database, one page per job. Notion has no idempotency key, so the job id is stored on
 * the page and looked up before creating: a job delivered twice finds its page instead of making a second.
 */
public class NotionPages {

    private static final Logger log = LoggerFactory.getLogger(NotionPages.class);

    private final NotionClient notion;
    private final BookPageContent content;
    private final NotionSettings settings;

    public NotionPages(NotionClient notion, BookPageContent content, NotionSettings settings) {
        this.notion = notion;
        this.content = content;
        this.settings = settings;
    }

    public Optional<BookPage> findByJobId(String jobId) {
        PropertyFilter byJobId = new PropertyFilter(settings.properties().jobId());
        byJobId.setRichText(new TextFilter(jobId));
        QueryResults results;
        try {
            results = notion.queryDatabase(new QueryDatabaseRequest(settings.databaseId(), byJobId, null, null, 1));
        } catch (Exception e) {
            throw NotionFailures.translate("database query", e);
        }
        Optional<BookPage> found = results.getResults().stream().findFirst().map(NotionPages::toBookPage);
        found.ifPresent(page -> log.info("job {} already has page {}: reusing it", jobId, page.id()));
        return found;
    }

    public BookPage create(BookJob job) {
        Page page;
        try {
            page = notion.createPage(content.pageFor(job));
        } catch (Exception e) {
            throw NotionFailures.translate("page create", e);
        }
        log.info("job {} page {} created", job.jobId(), page.getId());
        return toBookPage(page);
    }

    private static BookPage toBookPage(Page page) {
        Instant created = page.getCreatedTime() == null ? Instant.now() : Instant.parse(page.getCreatedTime());
        return new BookPage(page.getId(), page.getUrl(), created);
    }
}

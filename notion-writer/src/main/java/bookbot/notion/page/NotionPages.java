package bookbot.notion.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.integration.notion.NotionSettings;
import bookbot.core.job.BookJob;
import bookbot.notion.ratelimit.NotionRateLimiter;
import notion.api.v1.NotionClient;
import notion.api.v1.exception.NotionAPIError;
import notion.api.v1.model.databases.QueryResults;
import notion.api.v1.model.databases.query.filter.PropertyFilter;
import notion.api.v1.model.databases.query.filter.condition.TextFilter;
import notion.api.v1.model.pages.Page;
import notion.api.v1.model.pages.PageProperty;
import notion.api.v1.request.databases.QueryDatabaseRequest;
import notion.api.v1.request.pages.UpdatePageRequest;

/**
 * The club's Notion database, one page per job. Notion has no idempotency key, so the job id is stored on
 * the page and looked up before creating: a job delivered twice finds its page instead of making a second.
 * Where two pages of one job exist all the same, {@link PageChoice} says which one stays.
 */
public class NotionPages {

    private static final Logger log = LoggerFactory.getLogger(NotionPages.class);
    /** More than a few pages for one job never happens; Notion's largest page of results is 100. */
    private static final int MAX_PAGES_PER_JOB = 100;

    private final NotionClient notion;
    private final BookPageContent content;
    private final NotionSettings settings;
    private final RecentPages recentPages = new RecentPages(10_000);
    private final NotionCalls calls;

    public NotionPages(NotionClient notion, BookPageContent content, NotionSettings settings,
            NotionRateLimiter rateLimiter) {
        this.notion = notion;
        this.content = content;
        this.settings = settings;
        this.calls = new NotionCalls(rateLimiter);
    }

    /**
     * Every page of the job that is not in the trash: usually none or one. Notion's query may not show a page
     * created a moment ago; a page this process created is found all the same.
     */
    public List<BookPage> findByJobId(String jobId) {
        PropertyFilter byJobId = new PropertyFilter(settings.properties().jobId());
        byJobId.setRichText(new TextFilter(jobId));
        QueryResults results = call("database query", () -> notion.queryDatabase(
                new QueryDatabaseRequest(settings.databaseId(), byJobId, null, null, MAX_PAGES_PER_JOB)));
        return recentPages.addTo(jobId, results.getResults().stream().map(this::toBookPage).toList());
    }

    /** Creates the job's page, claiming its announcement for this writer from {@code claimSince}. */
    public BookPage create(BookJob job, Instant claimSince) {
        Announcement.Claimed claim = new Announcement.Claimed(claimSince);
        Page page = call("page create", () -> notion.createPage(content.pageFor(job, claim)));
        log.info("job {} page {} created", job.jobId(), page.getId());
        BookPage created = toBookPage(page);
        recentPages.created(job.jobId(), created);
        return created;
    }

    /** Writes down on the page that its message was posted, where the next copy of the job will look. */
    public void remember(BookPage page, Announcement.Posted posted) {
        call("page update", () -> notion.updatePage(new UpdatePageRequest(page.id(),
                Map.of(settings.properties().slackMessage(), BookPageContent.textProperty(posted.text())), null, null,
                null)));
        recentPages.updated(page, posted);
    }

    /** Gives up this writer's claim on announcing the page: the message was not posted. */
    public void release(BookPage page) {
        Announcement unannounced = new Announcement.Unannounced();
        call("page update", () -> notion.updatePage(new UpdatePageRequest(page.id(),
                Map.of(settings.properties().slackMessage(), BookPageContent.textProperty(unannounced.text())), null,
                null, null)));
        recentPages.updated(page, unannounced);
    }

    /** Sends a second page of a job to Notion's trash (a member can restore it from there). */
    public void archive(BookPage page) {
        call("page archive",
                () -> notion.updatePage(new UpdatePageRequest(page.id(), Map.of(), true, null, null)));
        recentPages.archived(page);
        log.info("page {} archived: a second page of the same job", page.id());
    }

    /**
     * One Notion request: within the shared rate limit, its failure translated, a 429 slowing this process down.
     * (The client measures each call, see NotionClientConfig.)
     *
     * @param operation what errors call the request
     */
    private <T> T call(String operation, Callable<T> request) {
        return calls.call(operation, request);
    }

    private BookPage toBookPage(Page page) {
        Instant created = page.getCreatedTime() == null ? Instant.now() : Instant.parse(page.getCreatedTime());
        PageProperty slackMessage = page.getProperties() == null ? null
                : page.getProperties().get(settings.properties().slackMessage());
        return new BookPage(page.getId(), page.getUrl(), created, Announcement.parse(plainText(slackMessage)));
    }

    private static String plainText(PageProperty property) {
        if (property == null || property.getRichText() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (PageProperty.RichText part : property.getRichText()) {
            if (part.getPlainText() != null) {
                text.append(part.getPlainText());
            } else if (part.getText() != null && part.getText().getContent() != null) {
                text.append(part.getText().getContent());
            }
        }
        return text.toString();
    }
}

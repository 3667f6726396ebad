package bookbot.notion.page;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.integration.notion.NotionSettings;
import bookbot.integration.notion.PropertyNames;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.notion.ratelimit.NotionRateLimiter;
import notion.api.v1.NotionClient;
import notion.api.v1.exception.NotionAPIError;
import notion.api.v1.model.common.File;
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
     * Every page holding the job's share that is not in the trash: usually none or one. Notion's query may not show
     * a page created a moment ago; a page this process created is found all the same.
     */
    public List<BookPage> findByJobId(String jobId) {
        PropertyFilter byJobId = new PropertyFilter(settings.properties().jobId());
        // Job ID lists every share of the book's page.
        TextFilter containing = new TextFilter();
        containing.setContains(jobId);
        byJobId.setRichText(containing);
        QueryResults results = call("database query", () -> notion.queryDatabase(
                new QueryDatabaseRequest(settings.databaseId(), byJobId, null, null, MAX_PAGES_PER_JOB)));
        List<BookPage> found = results.getResults().stream().map(this::toBookPage)
                // contains: also a longer id that contains this one
                .filter(page -> page.shares().size() == 0 || page.shares().contains(jobId)).toList();
        return recentPages.addTo(jobId, found);
    }

    /** Every page of the book that is not in the trash: usually none or one ({@link bookbot.core.job.BookKey}). */
    public List<BookPage> findByBookKey(String bookKey) {
        PropertyFilter byKey = new PropertyFilter(settings.properties().bookKey());
        byKey.setRichText(new TextFilter(bookKey));
        QueryResults results = call("database query", () -> notion.queryDatabase(
                new QueryDatabaseRequest(settings.databaseId(), byKey, null, null, MAX_PAGES_PER_JOB)));
        return results.getResults().stream().map(this::toBookPage).toList();
    }

    public PageFormat format() {
        return content.format();
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

    /** Creates the page of a share an edit moves to a book that has none yet. */
    public BookPage createFor(BookJob edit, Share share, Announcement announcement) {
        Page page = call("page create", () -> notion.createPage(content.pageFor(edit, share, announcement)));
        log.info("share {} moved to its book's new page {} (edit {})", share.jobId(), page.getId(), edit.jobId());
        return toBookPage(page);
    }

    /** Writes down on the page that its message was posted, where the next copy of the job will look. */
    public void remember(BookPage page, Announcement.Posted posted) {
        writeSlackMessage(page.withAnnouncement(posted));
        recentPages.updated(page, posted);
    }

    /** Writes down where the message of a later share of the book is. */
    public BookPage rememberNote(BookPage page, String jobId, Announcement.Posted posted) {
        BookPage noted = page.withNote(jobId, posted);
        writeSlackMessage(noted);
        return noted;
    }

    /** Gives up this writer's claim on announcing the page: the message was not posted. */
    public void release(BookPage page) {
        Announcement unannounced = new Announcement.Unannounced();
        writeSlackMessage(page.withAnnouncement(unannounced));
        recentPages.updated(page, unannounced);
    }

    /**
     * Puts these shares on the page in one update — ids, names, user ids, reasons and times together, so that a
     * retry that finds the job's id finds all of it — with where their messages are.
     */
    public BookPage writeShares(BookPage page, PageShares shares) {
        BookPage updated = page.withShares(shares);
        Map<String, PageProperty> properties = new LinkedHashMap<>(content.shareProperties(shares));
        properties.put(settings.properties().slackMessage(), BookPageContent.textProperty(updated.slackMessageText()));
        call("page update", () -> notion.updatePage(new UpdatePageRequest(page.id(), properties, null, null, null)));
        recentPages.sharesWritten(updated);
        log.info("page {} now holds {} recommendation(s)", page.id(), shares.size());
        return updated;
    }

    /** Rewrites what the page says about the book from the job (its first share, edited). */
    public void writeBook(BookPage page, BookJob job) {
        String cover = job.book() == null ? null : job.book().imageUrl();
        call("page update", () -> notion.updatePage(new UpdatePageRequest(page.id(), content.bookProperties(job),
                null, null, cover == null ? null : File.Companion.external(cover))));
    }

    /** Sends a page to Notion's trash (a member can restore it from there). */
    public void archive(BookPage page) {
        call("page archive",
                () -> notion.updatePage(new UpdatePageRequest(page.id(), Map.of(), true, null, null)));
        recentPages.archived(page);
        log.info("page {} archived", page.id());
    }

    private void writeSlackMessage(BookPage page) {
        call("page update", () -> notion.updatePage(new UpdatePageRequest(page.id(),
                Map.of(settings.properties().slackMessage(), BookPageContent.textProperty(page.slackMessageText())),
                null, null, null)));
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
        Map<String, PageProperty> properties = page.getProperties() == null ? Map.of() : page.getProperties();
        PropertyNames names = settings.properties();
        String slackMessage = plainText(properties.get(names.slackMessage()));
        PageShares shares = PageShares.read(plainText(properties.get(names.jobId())),
                plainText(properties.get(names.recommender())), plainText(properties.get(names.recommenderIds())),
                plainText(properties.get(names.reason())), plainText(properties.get(names.sharedAt())));
        String bookKey = plainText(properties.get(names.bookKey()));
        return new BookPage(page.getId(), page.getUrl(), created, Announcement.parse(slackMessage),
                bookKey.isBlank() ? null : bookKey, shares, BookPage.notesIn(slackMessage));
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

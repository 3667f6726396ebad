package bookbot.notion.page;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.notion.NotionSettings;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookJob;
import bookbot.core.metrics.ExternalCalls;
import bookbot.notion.ratelimit.NotionRateLimiter;
import notion.api.v1.NotionClient;
import notion.api.v1.exception.NotionAPIError;
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
    private final NotionRateLimiter rateLimiter;
    private final ExternalCalls externalCalls;

    public NotionPages(NotionClient notion, BookPageContent content, NotionSettings settings,
            NotionRateLimiter rateLimiter, ExternalCalls externalCalls) {
        this.notion = notion;
        this.content = content;
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.externalCalls = externalCalls;
    }

    public Optional<BookPage> findByJobId(String jobId) {
        PropertyFilter byJobId = new PropertyFilter(settings.properties().jobId());
        byJobId.setRichText(new TextFilter(jobId));
        QueryResults results = call("database query", "databases.query",
                () -> notion.queryDatabase(new QueryDatabaseRequest(settings.databaseId(), byJobId, null, null, 1)));
        Optional<BookPage> found = results.getResults().stream().findFirst().map(NotionPages::toBookPage);
        found.ifPresent(page -> log.info("job {} already has page {}: reusing it", jobId, page.id()));
        return found;
    }

    public BookPage create(BookJob job) {
        Page page = call("page create", "pages.create", () -> notion.createPage(content.pageFor(job)));
        log.info("job {} page {} created", job.jobId(), page.getId());
        return toBookPage(page);
    }

    /**
     * One Notion request: within the shared rate limit, its latency and status recorded (the wait for a permit
     * not included), its failure translated, a 429 slowing this process down.
     *
     * @param operation what errors call the request
     * @param apiMethod the metrics' name for it, as Notion's API reference names it
     */
    private <T> T call(String operation, String apiMethod, Callable<T> request) {
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("notion-interrupted", "stopped while waiting to call Notion", e);
        }
        long start = System.nanoTime();
        String status = ExternalCalls.NO_ANSWER;
        try {
            T answer = request.call();
            status = "200";
            return answer;
        } catch (Exception e) {
            if (e instanceof NotionAPIError api) {
                status = String.valueOf(api.getHttpResponse().getStatus());
            }
            RuntimeException failure = NotionFailures.translate(operation, e);
            if (failure instanceof TransientFailure transientFailure && "notion-rate-limited".equals(transientFailure.reason())) {
                rateLimiter.backOff(transientFailure.retryAfter().orElse(Duration.ofSeconds(1)));
            }
            throw failure;
        } finally {
            externalCalls.record("notion", apiMethod, status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static BookPage toBookPage(Page page) {
        Instant created = page.getCreatedTime() == null ? Instant.now() : Instant.parse(page.getCreatedTime());
        return new BookPage(page.getId(), page.getUrl(), created);
    }
}

package bookbot.notion.page;

import java.time.Duration;
import java.util.concurrent.Callable;

import bookbot.core.failure.TransientFailure;
import bookbot.integration.notion.NotionCaller;
import bookbot.notion.ratelimit.NotionRateLimiter;

/**
 * One Notion request of this writer: within the shared rate limit, its failure translated ({@link NotionFailures}),
 * a 429 slowing this process down. Every request the writer makes goes through here, pages and reads alike.
 */
public class NotionCalls implements NotionCaller {

    private final NotionRateLimiter rateLimiter;

    public NotionCalls(NotionRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    @Override
    public <T> T call(String operation, Callable<T> request) {
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("notion-interrupted", "stopped while waiting to call Notion", e);
        }
        try {
            return request.call();
        } catch (Exception e) {
            RuntimeException failure = NotionFailures.translate(operation, e);
            if (failure instanceof TransientFailure transientFailure && "notion-rate-limited".equals(transientFailure.reason())) {
                rateLimiter.backOff(transientFailure.retryAfter().orElse(Duration.ofSeconds(1)));
            }
            throw failure;
        }
    }
}

package bookbot.notion.ratelimit;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import io.github.bucket4j.TimeMeter;

/**
 * Keeps all notion-writer processes together under Notion's limit (about 3 requests/s per integration).
 * No coordinator: every process takes the share of the limit that its consumers are of all consumers on the
 * enriched queue (the broker counts them), and re-reads that count every few seconds, so adding or losing a
 * writer re-balances within seconds. A 429 pauses this process for the Retry-After it names.
 */
public class NotionRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(NotionRateLimiter.class);
    private static final Duration REBALANCE_EVERY = Duration.ofSeconds(2);

    private final double limit;
    private final int localConsumers;
    private final String queue;
    private final AmqpAdmin admin;
    private final PermitBucket bucket;
    private final ScheduledExecutorService rebalancer;

    /** @param limit requests a second for all writers together; 0 or less switches limiting off */
    public NotionRateLimiter(double limit, int localConsumers, String queue, AmqpAdmin admin) {
        this(limit, localConsumers, queue, admin, true);
    }

    NotionRateLimiter(double limit, int localConsumers, String queue, AmqpAdmin admin, boolean rebalanceInBackground) {
        this.limit = limit;
        this.localConsumers = localConsumers;
        this.queue = queue;
        this.admin = admin;
        this.bucket = limit > 0 ? new PermitBucket(limit, TimeMeter.SYSTEM_NANOTIME) : null;
        this.rebalancer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("notion-rate").factory());
        if (limit > 0 && rebalanceInBackground) {
            rebalancer.scheduleWithFixedDelay(this::rebalance, 0, REBALANCE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Waits for a permit to call Notion. */
    public void acquire() throws InterruptedException {
        if (limit <= 0) {
            return;
        }
        long wait;
        while ((wait = bucket.tryTake()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Notion said 429: nobody in this process calls it again before {@code retryAfter}. */
    public void backOff(Duration retryAfter) {
        if (limit > 0) {
            bucket.pauseFor(retryAfter);
        }
    }

    double currentRate() {
        return bucket == null ? 0 : bucket.rate();
    }

    void rebalance() {
        if (bucket == null) {
            return;
        }
        try {
            Properties info = admin.getQueueProperties(queue);
            int total = info == null ? 0 : ((Number) info.get(RabbitAdmin.QUEUE_CONSUMER_COUNT)).intValue();
            double share = limit * localConsumers / Math.max(localConsumers, total);
            if (Math.abs(share - bucket.rate()) > 1e-9) {
                log.info("Notion rate share now {}/s ({} of {} consumers)", String.format("%.2f", share),
                        localConsumers, Math.max(localConsumers, total));
                bucket.setRate(share);
            }
        } catch (RuntimeException e) {
            log.debug("could not read the consumer count of {}: {}", queue, e.toString());
        }
    }

    public void close() {
        rebalancer.shutdownNow();
    }
}

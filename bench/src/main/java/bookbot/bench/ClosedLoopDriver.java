package bookbot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.amqp.rabbit.core.RabbitTemplate;

import bookbot.core.job.BookJob;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SlackRequests;

/**
 * Keeps a fixed number of jobs in the pipeline: publishes that many to the submitted queue (as the gateway would),
 * and one more each time a page appears in the sandbox's Notion. With enough jobs in flight every consumer of the
 * slowest stage is busy, so the completions per second are the pipeline's throughput, and the time from publish
 * to page is its end-to-end latency at that load.
 */
final class ClosedLoopDriver {

    /** What one window measured. */
    record Window(int completed, double seconds, List<Double> latenciesMs) {

        double jobsPerSecond() {
            return completed / seconds;
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong();

    private final RabbitTemplate template;
    private final Topology topology;
    private final JobMessages messages;
    private final SandboxClient sandbox;
    private final Map<String, Instant> released = new HashMap<>();
    private int pagesSeen;

    ClosedLoopDriver(RabbitTemplate template, Topology topology, JobMessages messages, SandboxClient sandbox) {
        this.template = template;
        this.topology = topology;
        this.messages = messages;
        this.sandbox = sandbox;
    }

    /**
     * @param inFlight jobs kept in the pipeline
     * @param onWindowStart called when the warm-up ends (to read CPU counters)
     */
    Window run(int inFlight, Duration warmUp, Duration measure, Runnable onWindowStart) throws InterruptedException {
        for (int i = 0; i < inFlight; i++) {
            release();
        }
        long start = System.nanoTime();
        long windowStart = start + warmUp.toNanos();
        long windowEnd = windowStart + measure.toNanos();
        boolean windowOpen = false;
        int completed = 0;
        List<Double> latencies = new ArrayList<>();
        while (System.nanoTime() < windowEnd) {
            if (!windowOpen && System.nanoTime() >= windowStart) {
                windowOpen = true;
                onWindowStart.run();
            }
            List<java.util.Map<String, Object>> pages = sandbox.notionPagesFrom(pagesSeen);
            pagesSeen += pages.size();
            for (var page : pages) {
                Instant releasedAt = released.remove(new NotionPageView(page).jobId());
                if (releasedAt == null) {
                    continue;
                }
                if (windowOpen) {
                    completed++;
                    Instant createdAt = Instant.parse((String) page.get("created_time"));
                    latencies.add(Duration.between(releasedAt, createdAt).toNanos() / 1e6);
                }
                release();
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return new Window(completed, measure.toNanos() / 1e9, latencies);
    }

    private void release() {
        String url = "https://ridibooks.com/books/bench-" + SERIAL.incrementAndGet();
        Recommendation recommendation = new Recommendation(SlackRequests.TEAM_ID, SlackRequests.CHANNEL_ID, "U0BENCH",
                url, new Category("소설", "SF"), "Benchmark job.", null);
        Instant now = Instant.now();
        // Straight onto the queue, with no Slack submission to derive the id from: every release is a job of its own.
        BookJob job = BookJob.submitted(UUID.randomUUID().toString(), recommendation, "en", now);
        released.put(job.jobId(), now);
        template.send(topology.workExchange(), Stage.ENRICH.inputKey(), messages.toMessage(job));
    }
}

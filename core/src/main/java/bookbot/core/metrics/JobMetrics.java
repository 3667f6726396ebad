package bookbot.core.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the worker stages do with jobs, as Prometheus sees it ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code bookbot_jobs_completed_total{stage}}, {@code bookbot_jobs_retried_total{stage,reason}},
 * {@code bookbot_jobs_dead_lettered_total{stage,reason}} — what each stage did with a delivery;</li>
 * <li>{@code bookbot_stage_duration_seconds{stage,outcome}} — one attempt of a stage (histogram);</li>
 * <li>{@code bookbot_job_end_to_end_seconds} — from the member's submit to the announcement (histogram);</li>
 * <li>{@code bookbot_jobs_in_flight{stage}} — deliveries this worker is working on now.</li>
 * </ul>
 * Reasons are the failure's short code ({@code notion-rate-limited}, {@code opengraph-http-503}, …), never
 * free text, so the number of series stays small.
 */
public class JobMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Call when a stage starts on a delivery; close the returned attempt when it is over. */
    public Attempt start(String stage) {
        AtomicInteger counter = inFlight.computeIfAbsent(stage, name -> registry.gauge("bookbot.jobs.in.flight",
                io.micrometer.core.instrument.Tags.of("stage", name), new AtomicInteger()));
        counter.incrementAndGet();
        return new Attempt(stage, counter, System.nanoTime());
    }

    public void endToEnd(Duration sinceSubmit) {
        Timer.builder("bookbot.job.end.to.end")
                .description("From the member's submit to the last stage's success")
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceSubmit.isNegative() ? Duration.ZERO : sinceSubmit);
    }

    /** One delivery of a job to one stage. Exactly one of its outcome methods is called. */
    public final class Attempt {

        private final String stage;
        private final AtomicInteger inFlightOfStage;
        private final long startedAt;

        private Attempt(String stage, AtomicInteger inFlightOfStage, long startedAt) {
            this.stage = stage;
            this.inFlightOfStage = inFlightOfStage;
            this.startedAt = startedAt;
        }

        public void completed() {
            finish("completed");
            registry.counter("bookbot.jobs.completed", "stage", stage).increment();
        }

        public void retried(String reason) {
            finish("retried");
            registry.counter("bookbot.jobs.retried", "stage", stage, "reason", reason).increment();
        }

        public void deadLettered(String reason) {
            finish("dead-lettered");
            registry.counter("bookbot.jobs.dead.lettered", "stage", stage, "reason", reason).increment();
        }

        /** Neither outcome was published (the broker refused); the delivery will come again. */
        public void abandoned() {
            finish("abandoned");
        }

        private void finish(String outcome) {
            inFlightOfStage.decrementAndGet();
            Timer.builder("bookbot.stage.duration")
                    .description("One attempt of a stage on one job")
                    .tags("stage", stage, "outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(System.nanoTime() - startedAt, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}

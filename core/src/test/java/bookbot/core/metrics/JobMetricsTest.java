package bookbot.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JobMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JobMetrics metrics = new JobMetrics(registry);

    @Test
    void aDeliveryIsInFlightUntilItsOutcome() {
        JobMetrics.Attempt first = metrics.start("enrich");
        JobMetrics.Attempt second = metrics.start("enrich");
        assertThat(inFlight("enrich")).isEqualTo(2);

        first.completed();
        second.retried("opengraph-http-503");

        assertThat(inFlight("enrich")).isZero();
    }

    @Test
    void eachOutcomeIsCountedPerStageAndReasonAndTimed() {
        metrics.start("write").completed();
        metrics.start("write").retried("notion-rate-limited");
        metrics.start("write").deadLettered("notion-unauthorized");
        metrics.start("write").abandoned();

        assertThat(registry.get("bookbot.jobs.completed").tag("stage", "write").counter().count()).isEqualTo(1);
        assertThat(registry.get("bookbot.jobs.retried").tags("stage", "write", "reason", "notion-rate-limited")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("bookbot.jobs.dead.lettered").tags("stage", "write", "reason", "notion-unauthorized")
                .counter().count()).isEqualTo(1);
        for (String outcome : new String[] {"completed", "retried", "dead-lettered", "abandoned"}) {
            assertThat(registry.get("bookbot.stage.duration").tags("stage", "write", "outcome", outcome).timer().count())
                    .as(outcome).isEqualTo(1);
        }
    }

    @Test
    void endToEndLatencyIsRecordedAndNeverNegative() {
        metrics.endToEnd(Duration.ofMillis(1500));
        metrics.endToEnd(Duration.ofMillis(-20)); // a clock that stepped back between hosts

        var timer = registry.get("bookbot.job.end.to.end").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    private double inFlight(String stage) {
        return registry.get("bookbot.jobs.in.flight").tag("stage", stage).gauge().value();
    }
}

package bookbot.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

import bookbot.core.failure.Failure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.JobCodec;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.RetryBackoff;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.Jobs;

/**
 * How a transiently failed job waits on the broker: it gets a due time of its own, waits in tiers that never take
 * it past that, and a worker that receives it early sends it on to wait for the rest, without running it. Here
 * the broker's part (a message leaves its tier queue after the tier's wait) is played by moving a clock.
 */
class FailedJobRouterTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-22T10:15:30Z");
    private static final WorkerSettings DEFAULTS = WorkerSettings.defaults();
    private static final RetryBackoff BACKOFF = RetryBackoff.defaults();

    private final Topology topology = new Topology("books");
    private final MovableClock clock = new MovableClock(FAILED_AT);
    private final List<Message> sent = new ArrayList<>();
    private final FailedJobRouter router = new FailedJobRouter((exchange, routingKey, message) -> {
        assertThat(exchange).isEqualTo(topology.retryExchange());
        assertThat(routingKey).isEqualTo(Stage.ENRICH.inputKey());
        sent.add(message);
    }, topology, new WorkerIdentity("enrich@test:1"), BACKOFF, clock);
    private final Message delivery = new JobMessages(new JobCodec()).toMessage(Jobs.submitted(), "trace-1");
    private final Failure failure = Failure.of(new TransientFailure("notion-http-502", "Notion HTTP 502", null));

    @Test
    void aRetryCarriesItsDueTimeAndFirstWaitsInTheLongestTierThatDoesNotTakeItPastIt() {
        Duration wait = router.retryLater(delivery, Stage.ENRICH, 2, failure);

        Message retry = sent.getFirst();
        assertThat(header(retry, JobHeaders.RETRY_NOT_BEFORE)).isEqualTo(FAILED_AT.plus(wait).toEpochMilli());
        assertThat(Duration.ofMillis(tierOf(retry))).isEqualTo(BACKOFF.tierFor(wait)).isLessThanOrEqualTo(wait);
        assertThat(header(retry, JobHeaders.RETRY_TIER)).isEqualTo(Topology.tierName(BACKOFF.tierFor(wait)));
        assertThat(header(retry, JobHeaders.ATTEMPT)).isEqualTo(2);
    }

    @Test
    void aRetryBackBeforeItsDueTimeWaitsOnUntouchedAndRunsNoSoonerThanDueAndWithinOneShortestTier() {
        Journey journey = follow(2, failure);

        assertThat(journey.legs()).as("it waited in more than one tier").hasSizeGreaterThan(1);
        assertThat(journey.ranAt()).isAfterOrEqualTo(journey.due()).isBefore(journey.due().plus(BACKOFF.shortestTier()));
        Message first = journey.legs().getFirst();
        for (Message leg : journey.legs()) {
            assertThat(leg.getBody()).isEqualTo(delivery.getBody());
            assertThat(header(leg, JobHeaders.ATTEMPT)).as("a hop is not an attempt").isEqualTo(2);
            assertThat(header(leg, JobHeaders.RETRY_NOT_BEFORE)).isEqualTo(journey.due().toEpochMilli());
            for (String unchanged : List.of(JobHeaders.TRACE_ID, JobHeaders.LAST_ERROR, JobHeaders.FIRST_FAILED_AT,
                    JobHeaders.LAST_FAILED_AT)) {
                assertThat(header(leg, unchanged)).as(unchanged).isEqualTo(header(first, unchanged));
            }
        }
    }

    @Test
    void aRetryAfterIsWaitedOutThroughTheTiersToo() {
        Journey journey = follow(2, Failure.of(new TransientFailure("notion-rate-limited", "Notion HTTP 429", null,
                Duration.ofMillis(93_500))));

        assertThat(journey.due()).isEqualTo(FAILED_AT.plusMillis(93_500));
        assertThat(journey.ranAt()).isAfterOrEqualTo(journey.due()).isBefore(journey.due().plus(BACKOFF.shortestTier()));
    }

    /**
     * 1,000 jobs fail at the same instant (Notion went down under them) and come back for every attempt of the
     * default schedule: after the tiers they are still spread over at least ±15 % of the nominal delay.
     */
    @Test
    void jobsThatFailedTogetherComeBackSpreadOut() {
        System.out.println("1,000 jobs failing together: when they run again (attempts with the delay of the one before "
                + "are left out, but for the last)");
        System.out.println("attempt  nominal     first     5th pct.   95th pct.  last       distinct instants");
        Duration before = Duration.ZERO;
        for (int attempt = 2; attempt <= DEFAULTS.maxAttempts(); attempt++) {
            Duration nominal = BACKOFF.delayBefore(attempt, Optional.empty(), () -> 0.5);
            if (nominal.equals(before) && attempt < DEFAULTS.maxAttempts()) {
                continue;
            }
            before = nominal;
            List<Duration> returns = new ArrayList<>();
            for (int job = 0; job < 1_000; job++) {
                clock.set(FAILED_AT);
                Journey journey = follow(attempt, failure);
                assertThat(journey.ranAt()).isAfterOrEqualTo(journey.due())
                        .isBefore(journey.due().plus(BACKOFF.shortestTier()));
                returns.add(Duration.between(FAILED_AT, journey.ranAt()));
            }
            Collections.sort(returns);
            Duration p5 = returns.get(49);
            Duration p95 = returns.get(949);
            System.out.printf("%7d  %-10s  %-9s  %-9s  %-9s  %-9s  %d%n", attempt, human(nominal),
                    human(returns.getFirst()), human(p5), human(p95), human(returns.getLast()),
                    returns.stream().distinct().count());
            assertThat(p95.minus(p5)).as("attempt %d: 5th to 95th percentile", attempt)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(Math.round(nominal.toMillis() * 0.30)));
        }
    }

    @Test
    void aDeliveryThatWasNeverARetryOrIsDueRunsNow() {
        assertThat(router.waitLongerIfEarly(delivery, Stage.ENRICH)).isFalse();

        router.retryLater(delivery, Stage.ENRICH, 2, failure);
        Message retry = sent.getFirst();
        clock.set(Instant.ofEpochMilli(millis(retry, JobHeaders.RETRY_NOT_BEFORE)));
        assertThat(router.waitLongerIfEarly(retry, Stage.ENRICH)).isFalse();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aDueTimeFurtherAheadThanAnyWaitIsBroughtBackToTheLongestWait() {
        Message forged = new JobMessages(new JobCodec()).toMessage(Jobs.submitted());
        forged.getMessageProperties().setHeader(JobHeaders.RETRY_NOT_BEFORE, FAILED_AT.plus(Duration.ofDays(365)).toEpochMilli());

        assertThat(router.waitLongerIfEarly(forged, Stage.ENRICH)).isTrue();

        assertThat(header(sent.getFirst(), JobHeaders.RETRY_NOT_BEFORE))
                .isEqualTo(FAILED_AT.plus(BACKOFF.longestWait()).toEpochMilli());
    }

    @Test
    void aDeadLetterHasNoDueTime() {
        router.retryLater(delivery, Stage.ENRICH, 2, failure);
        List<Message> dead = new ArrayList<>();
        FailedJobRouter deadLetters = new FailedJobRouter((exchange, routingKey, message) -> dead.add(message), topology,
                new WorkerIdentity("enrich@test:1"), BACKOFF, clock);

        deadLetters.deadLetter(sent.getFirst(), Stage.ENRICH, 2, failure);

        assertThat(dead.getFirst().getMessageProperties().getHeaders())
                .doesNotContainKeys(JobHeaders.RETRY_NOT_BEFORE, JobHeaders.RETRY_TIER, JobHeaders.RETRY_DELAY_MS);
    }

    /** A failed delivery from its failure to the moment a worker runs it, every tier it waited in on the way. */
    private record Journey(Instant due, Instant ranAt, List<Message> legs) {
    }

    private Journey follow(int nextAttempt, Failure why) {
        sent.clear();
        router.retryLater(delivery, Stage.ENRICH, nextAttempt, why);
        List<Message> legs = new ArrayList<>();
        Message waiting = sent.getLast();
        legs.add(waiting);
        while (true) {
            clock.advance(Duration.ofMillis(tierOf(waiting)));
            if (!router.waitLongerIfEarly(waiting, Stage.ENRICH)) {
                return new Journey(Instant.ofEpochMilli(millis(legs.getFirst(), JobHeaders.RETRY_NOT_BEFORE)),
                        clock.instant(), legs);
            }
            waiting = sent.getLast();
            legs.add(waiting);
        }
    }

    private static long tierOf(Message waiting) {
        return millis(waiting, JobHeaders.RETRY_DELAY_MS);
    }

    private static Object header(Message message, String name) {
        return message.getMessageProperties().getHeaders().get(name);
    }

    private static long millis(Message message, String name) {
        return ((Number) header(message, name)).longValue();
    }

    private static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format("%.2f s", millis / 1000.0);
        }
        return String.format("%dh%02dm%02ds", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

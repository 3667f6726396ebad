package bookbot.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionBlockedEvent;
import org.springframework.amqp.rabbit.connection.ConnectionUnblockedEvent;
import org.springframework.boot.health.contributor.Status;

import org.springframework.amqp.rabbit.connection.Connection;

import static org.mockito.Mockito.mock;

class PublishingHealthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final PublishingHealth health = new PublishingHealth(clock, Duration.ofSeconds(30));

    @Test
    void upBeforeAnythingWasPublished() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downAfterAFailedPublishUntilTheHoldIsOver() {
        health.failed("no confirm from the broker within PT2S");

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("lastFailure", "no confirm from the broker within PT2S");
        clock.advance(Duration.ofSeconds(31));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aLaterSuccessfulPublishEndsTheDownTime() {
        health.failed("broker unreachable");
        clock.advance(Duration.ofSeconds(1));
        health.succeeded();

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhileTheBrokerBlocksTheConnection() {
        Connection connection = mock(Connection.class);
        health.blocked(new ConnectionBlockedEvent(connection, "low on memory"));
        health.succeeded();

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails().get("blocked")).asString().contains("low on memory");

        health.unblocked(new ConnectionUnblockedEvent(connection));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

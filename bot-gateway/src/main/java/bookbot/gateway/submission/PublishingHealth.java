package bookbot.gateway.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.amqp.rabbit.connection.ConnectionBlockedEvent;
import org.springframework.amqp.rabbit.connection.ConnectionUnblockedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;

/**
 * Whether the gateway can publish, which a live connection alone does not prove: a broker in a memory or disk
 * alarm blocks publishers on an open connection, and a confirm can fail to come. Down while the broker blocks
 * the connection, and for {@code hold} after a publish failed unless a later one succeeded — then up again,
 * so that a gateway taken out of the load balancer gets to try once more. Part of the readiness group.
 */
public class PublishingHealth implements HealthIndicator {

    private record Failure(Instant at, String message) {
    }

    private final Clock clock;
    private final Duration hold;
    private volatile String blockedBecause;
    private volatile Failure lastFailure;
    private volatile Instant lastSuccess;

    public PublishingHealth(Clock clock, Duration hold) {
        this.clock = clock;
        this.hold = hold;
    }

    void succeeded() {
        lastSuccess = clock.instant();
    }

    void failed(String message) {
        lastFailure = new Failure(clock.instant(), message);
    }

    @EventListener
    void blocked(ConnectionBlockedEvent event) {
        blockedBecause = event.getReason();
    }

    @EventListener
    void unblocked(ConnectionUnblockedEvent event) {
        blockedBecause = null;
    }

    @Override
    public Health health() {
        String blocked = blockedBecause;
        if (blocked != null) {
            return Health.down().withDetail("blocked", "the broker blocks publishing: " + blocked).build();
        }
        Failure failure = lastFailure;
        Instant success = lastSuccess;
        boolean recentFailure = failure != null && (success == null || success.isBefore(failure.at()))
                && clock.instant().isBefore(failure.at().plus(hold));
        if (recentFailure) {
            return Health.down().withDetail("lastFailure", failure.message())
                    .withDetail("lastFailureAt", failure.at().toString()).build();
        }
        Health.Builder up = Health.up();
        if (success != null) {
            up.withDetail("lastSuccessAt", success.toString());
        }
        return up.build();
    }
}

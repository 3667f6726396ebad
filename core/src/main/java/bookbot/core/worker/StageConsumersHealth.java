package bookbot.core.worker;

import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A worker is ready when it consumes: its listener container runs and at least one consumer holds a channel on
 * the stage's queue. Down while the broker is away (the container keeps trying to reconnect) or the queue is
 * missing. Part of the worker's readiness group ({@code /actuator/health/readiness}).
 */
class StageConsumersHealth implements HealthIndicator {

    private final SimpleMessageListenerContainer container;

    StageConsumersHealth(SimpleMessageListenerContainer container) {
        this.container = container;
    }

    @Override
    public Health health() {
        int active = container.getActiveConsumerCount();
        Health.Builder health = container.isRunning() && active > 0 ? Health.up() : Health.down();
        return health.withDetail("queues", String.join(",", container.getQueueNames()))
                .withDetail("activeConsumers", active)
                .build();
    }
}

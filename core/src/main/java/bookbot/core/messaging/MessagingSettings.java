package bookbot.core.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param namespace      prefix of every exchange and queue name
 * @param confirmTimeout how long a publish waits for the broker's confirm before it counts as failed
 * @param deliveryLimit  deliveries of one message before the broker dead-letters it (a message that
 *                       crashes its worker again and again must not loop forever)
 */
@ConfigurationProperties("bookbot.amqp")
public record MessagingSettings(String namespace, Duration confirmTimeout, int deliveryLimit) {

    public Topology topology() {
        return new Topology(namespace);
    }
}

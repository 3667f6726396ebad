package bookbot.sandbox;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import bookbot.core.messaging.RetryBackoff;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.sandbox.launch.BrokerAddress;

/**
 * The namespace the demo or the drill ran the services in: its queues (the dead-letter streams included) and
 * exchanges are deleted once the services are stopped, so neither leaves anything on the broker.
 */
public record BrokerNamespace(BrokerAddress broker, String name) {

    /** The services' default retry schedule, whose tier queues they declare. */
    private static final RetryBackoff SERVICE_RETRY = RetryBackoff.defaults();

    /** Deletes every queue and exchange the services declare in it; names outside it are never touched. */
    public void delete() {
        CachingConnectionFactory factory = new CachingConnectionFactory();
        factory.setAddresses(broker.addresses());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        factory.setVirtualHost(broker.virtualHost());
        try {
            TopologyDeclarations.deleteNamespace(new RabbitAdmin(factory), name, SERVICE_RETRY.tiers());
        } finally {
            factory.destroy();
        }
    }
}

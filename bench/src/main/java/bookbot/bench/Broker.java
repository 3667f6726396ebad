package bookbot.bench;

import java.util.Map;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import bookbot.core.messaging.RetryBackoff;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.sandbox.launch.BrokerAddress;

/** The broker the benchmark runs against, named like the services name it (SPRING_RABBITMQ_*). */
record Broker(BrokerAddress address) {

    /** The services' default retry settings, whose tier queues they declare. */
    private static final RetryBackoff SERVICE_RETRY = RetryBackoff.defaults();

    static Broker fromEnvironment() {
        return new Broker(BrokerAddress.fromEnvironment(System.getenv()));
    }

    Map<String, String> environment() {
        return address.environment();
    }

    String uri() {
        return address.uri();
    }

    CachingConnectionFactory connectionFactory() {
        CachingConnectionFactory factory = new CachingConnectionFactory();
        factory.setAddresses(address.addresses());
        factory.setUsername(address.username());
        factory.setPassword(address.password());
        factory.setVirtualHost(address.virtualHost());
        return factory;
    }

    /** Deletes every queue and exchange the services declared in a namespace. */
    void deleteNamespace(String namespace) {
        CachingConnectionFactory factory = connectionFactory();
        try {
            TopologyDeclarations.deleteNamespace(new RabbitAdmin(factory), namespace, SERVICE_RETRY.tiers());
        } finally {
            factory.destroy();
        }
    }

    void deleteQueue(String queue) {
        CachingConnectionFactory factory = connectionFactory();
        try {
            new RabbitAdmin(factory).deleteQueue(queue);
        } finally {
            factory.destroy();
        }
    }
}

package bookbot.core.worker;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;

import bookbot.core.messaging.BrokerConnections;

/**
 * The connection a worker consumes on, configured like Spring Boot's: its own, so that a publisher the broker
 * blocks (a memory or disk alarm) never stops the consumers from acknowledging. Outcomes are published on
 * Boot's connection, with confirms. Held in a record so that Spring Boot still creates its own connection
 * factory for everything else.
 */
record WorkerConnection(CachingConnectionFactory factory) implements AutoCloseable {

    static WorkerConnection open(BrokerConnections connections) {
        return new WorkerConnection(connections.open("bookbot-worker", ConfirmType.NONE));
    }

    @Override
    public void close() {
        factory.destroy();
    }
}

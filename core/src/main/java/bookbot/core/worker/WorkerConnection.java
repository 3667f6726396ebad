package bookbot.core.worker;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;

import bookbot.core.messaging.BrokerConnections;

/**
 * The worker's own broker connection, configured like Spring Boot's but without publisher confirms: the worker
 * publishes in channel transactions, and a channel cannot do both.
 * Held in a record so that Spring Boot still creates its own connection factory for everything else.
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

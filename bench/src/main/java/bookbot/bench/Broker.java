package bookbot.bench;

import java.util.Map;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import bookbot.core.messaging.TopologyDeclarations;
import bookbot.core.messaging.RetryBackoff;

/** The broker the benchmark runs against, named like the services name it (SPRING_RABBITMQ_*). */
record Broker(String host, int port, String username, String password, String virtualHost) {

    /** The services' default retry settings, whose tier queues they declare. */
    private static final RetryBackoff SERVICE_RETRY = RetryBackoff.defaults();

    static Broker fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new Broker(env.getOrDefault("SPRING_RABBITMQ_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("SPRING_RABBITMQ_PORT", "5672")),
                env.getOrDefault("SPRING_RABBITMQ_USERNAME", "guest"), env.getOrDefault("SPRING_RABBITMQ_PASSWORD", "guest"),
                env.getOrDefault("SPRING_RABBITMQ_VIRTUAL_HOST", "/"));
    }

    Map<String, String> environment() {
        return Map.of("SPRING_RABBITMQ_HOST", host, "SPRING_RABBITMQ_PORT", String.valueOf(port),
                "SPRING_RABBITMQ_USERNAME", username, "SPRING_RABBITMQ_PASSWORD", password,
                "SPRING_RABBITMQ_VIRTUAL_HOST", virtualHost);
    }

    String uri() {
        String vhost = virtualHost.equals("/") ? "%2F" : virtualHost;
        return "amqp://" + username + ":" + password + "@" + host + ":" + port + "/" + vhost;
    }

    CachingConnectionFactory connectionFactory() {
        CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
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

package bookbot.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.context.ApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;

import bookbot.core.messaging.Topology;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.core.messaging.RetryBackoff;

/**
 * The real RabbitMQ every integration test runs against: the one named by SPRING_RABBITMQ_HOST, else one
 * listening on localhost:5672, else a Testcontainers broker when Docker is available. With none of them
 * the test fails, saying how to get a broker: an integration test that silently skips proves nothing.
 *
 * <p>Each test uses a fresh namespace (its own exchanges and queues) and deletes it afterwards: a Spring test
 * through {@link RealBroker}, any other with {@link #newNamespace()} and {@link #deleteNamespace}.
 */
public final class TestBroker {

    private static volatile Address address;
    private static RabbitMQContainer container;

    public record Address(String host, int port, String username, String password, String virtualHost) {

        public Map<String, String> asEnvironment() {
            return Map.of("SPRING_RABBITMQ_HOST", host, "SPRING_RABBITMQ_PORT", String.valueOf(port),
                    "SPRING_RABBITMQ_USERNAME", username, "SPRING_RABBITMQ_PASSWORD", password,
                    "SPRING_RABBITMQ_VIRTUAL_HOST", virtualHost);
        }
    }

    private TestBroker() {
    }

    public static synchronized Address address() {
        if (address == null) {
            address = locate();
        }
        return address;
    }

    /** A namespace no other test run uses. */
    public static String newNamespace() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static CachingConnectionFactory connectionFactory() {
        Address broker = address();
        CachingConnectionFactory factory = new CachingConnectionFactory(broker.host(), broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        factory.setVirtualHost(broker.virtualHost());
        return factory;
    }

    /**
     * Stops the test context's consumers (which would otherwise re-declare the queues when they reconnect),
     * then deletes every exchange and queue the context declared in the namespace, and the old dead-letter queue
     * a test may have made there. {@link RealBroker} does this when the context closes.
     */
    public static void shutDown(ApplicationContext context, String namespace) {
        context.getBeansOfType(AbstractMessageListenerContainer.class).values()
                .forEach(AbstractMessageListenerContainer::stop);
        List<Declarable> declared = context.getBeansOfType(Declarables.class).values().stream()
                .flatMap(d -> d.getDeclarables().stream()).toList();
        withAdmin(admin -> {
            TopologyDeclarations.deleteOwned(admin, namespace, declared);
            admin.deleteQueue(new Topology(namespace).legacyDeadLetterQueue());
        });
    }

    /** Deletes the namespace of processes that ran with the given retry settings. */
    public static void deleteNamespace(String namespace, RetryBackoff retry) {
        withAdmin(admin -> TopologyDeclarations.deleteNamespace(admin, namespace, retry.tiers()));
    }

    private static void withAdmin(Consumer<RabbitAdmin> use) {
        CachingConnectionFactory factory = connectionFactory();
        try {
            use.accept(new RabbitAdmin(factory));
        } finally {
            factory.destroy();
        }
    }

    private static Address locate() {
        String host = System.getenv("SPRING_RABBITMQ_HOST");
        if (host != null && !host.isBlank()) {
            return new Address(host, intEnv("SPRING_RABBITMQ_PORT", 5672), env("SPRING_RABBITMQ_USERNAME", "guest"),
                    env("SPRING_RABBITMQ_PASSWORD", "guest"), env("SPRING_RABBITMQ_VIRTUAL_HOST", "/"));
        }
        if (reachable("127.0.0.1", 5672)) {
            return new Address("127.0.0.1", 5672, "guest", "guest", "/");
        }
        if (dockerAvailable()) {
            container = new RabbitMQContainer("rabbitmq:4.1-management");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Address(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                    container.getAdminPassword(), "/");
        }
        throw new IllegalStateException("""
                Integration tests need a RabbitMQ broker and found none:
                  - SPRING_RABBITMQ_HOST is not set,
                  - nothing listens on 127.0.0.1:5672,
                  - Docker is not available for Testcontainers.
                Start a local broker (e.g. `rabbitmq-server -detached`), point SPRING_RABBITMQ_HOST at one, or start Docker.""");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }
}

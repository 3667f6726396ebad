package bookbot.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import bookbot.core.deadletter.DeadLetterLog;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.core.worker.RetryBackoff;

/** The harness's own view of the broker: what it injects, what is still queued, what died. */
final class HarnessBroker implements AutoCloseable {

    private final Topology topology;
    private final RetryBackoff retry;
    private final CachingConnectionFactory connection;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;

    HarnessBroker(Map<String, String> broker, String namespace, RetryBackoff retry) {
        this.topology = new Topology(namespace);
        this.retry = retry;
        connection = new CachingConnectionFactory(broker.getOrDefault("SPRING_RABBITMQ_HOST", "127.0.0.1"),
                Integer.parseInt(broker.getOrDefault("SPRING_RABBITMQ_PORT", "5672")));
        connection.setUsername(broker.getOrDefault("SPRING_RABBITMQ_USERNAME", "guest"));
        connection.setPassword(broker.getOrDefault("SPRING_RABBITMQ_PASSWORD", "guest"));
        connection.setVirtualHost(broker.getOrDefault("SPRING_RABBITMQ_VIRTUAL_HOST", "/"));
        template = new RabbitTemplate(connection);
        admin = new RabbitAdmin(connection);
    }

    /** A message no stage can read, as a buggy or hostile publisher would send. */
    void publishMalformed(int index) {
        Message poison = MessageBuilder.withBody(("{\"schemaVersion\":1,\"jobId\":\"poison-" + index)
                .getBytes(StandardCharsets.UTF_8)).setMessageId("poison-" + index).build();
        template.send(topology.workExchange(), Stage.ENRICH.inputKey(), poison);
    }

    String queue(Stage stage) {
        return topology.queue(stage);
    }

    /** Messages waiting in the work and retry queues (not those a consumer holds unacknowledged). */
    long waiting() {
        long total = 0;
        List<String> queues = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            queues.add(topology.queue(stage));
        }
        retry.tiers().forEach(tier -> queues.add(topology.retryQueue(tier)));
        for (String queue : queues) {
            Properties info = admin.getQueueProperties(queue);
            if (info != null) {
                total += ((Number) info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
            }
        }
        return total;
    }

    /** Every open dead letter, read from the dead-letter log as admins read it. */
    List<Message> deadLetters() {
        CachingConnectionFactory own = new CachingConnectionFactory(connection.getRabbitConnectionFactory());
        try (DeadLetterLog log = new DeadLetterLog(own, topology, Duration.ofSeconds(30))) {
            return log.openLetters().stream().map(DeadLetterLog.Entry::message).toList();
        } finally {
            own.destroy();
        }
    }

    /** Removes the run's exchanges and queues. */
    void deleteNamespace() {
        TopologyDeclarations.deleteNamespace(admin, topology.namespace(), retry.tiers());
    }

    @Override
    public void close() {
        connection.destroy();
    }
}

package bookbot.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

import com.rabbitmq.client.GetResponse;

import bookbot.core.deadletter.DeadLetterLog;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.messaging.TopologyDeclarations;
import bookbot.core.messaging.RetryBackoff;
import bookbot.sandbox.launch.BrokerAddress;

/**
 * The harness's own view of the broker: what it injects, what is still queued, what died. It also reads what an
 * earlier release's services leave (run with {@code --services-from}): their retry tiers and their classic
 * dead-letter queue.
 */
final class HarnessBroker implements AutoCloseable {

    /** The tiers release a1d8441 makes of the harness's retry settings (no shortest tier: 500 ms doubling). */
    private static final List<Duration> EARLIER_RELEASE_TIERS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

    private final Topology topology;
    private final RetryBackoff retry;
    private final CachingConnectionFactory connection;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;

    private final Map<String, String> broker;

    HarnessBroker(Map<String, String> broker, String namespace, RetryBackoff retry) {
        this.topology = new Topology(namespace);
        this.retry = retry;
        this.broker = broker;
        connection = connectionFactory();
        template = new RabbitTemplate(connection);
        admin = new RabbitAdmin(connection);
    }

    /** From the SPRING_RABBITMQ_* variables the services get: one host and port, or a cluster's addresses. */
    private CachingConnectionFactory connectionFactory() {
        BrokerAddress address = BrokerAddress.fromEnvironment(broker);
        CachingConnectionFactory factory = new CachingConnectionFactory();
        factory.setAddresses(address.addresses());
        factory.setUsername(address.username());
        factory.setPassword(address.password());
        factory.setVirtualHost(address.virtualHost());
        return factory;
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
        allTiers().forEach(tier -> queues.add(topology.retryQueue(tier)));
        for (String queue : queues) {
            Properties info = admin.getQueueProperties(queue);
            if (info != null) {
                total += ((Number) info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
            }
        }
        return total;
    }

    /**
     * Every open dead letter, read from the dead-letter log as admins read it, and what an earlier release's
     * classic dead-letter queue holds (read without taking: the channel closes with the messages unacknowledged).
     */
    List<Message> deadLetters() {
        List<Message> letters = new ArrayList<>();
        CachingConnectionFactory own = connectionFactory();
        try {
            if (admin.getQueueProperties(topology.deadLetterLog()) != null) {
                try (DeadLetterLog log = new DeadLetterLog(own, topology, Duration.ofSeconds(30))) {
                    log.openLetters().forEach(entry -> letters.add(entry.message()));
                }
            }
            if (admin.getQueueProperties(topology.legacyDeadLetterQueue()) != null) {
                letters.addAll(peekLegacyQueue(own));
            }
            return letters;
        } finally {
            own.destroy();
        }
    }

    private List<Message> peekLegacyQueue(CachingConnectionFactory factory) {
        return new RabbitTemplate(factory).execute(channel -> {
            List<Message> peeked = new ArrayList<>();
            DefaultMessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();
            for (GetResponse got = channel.basicGet(topology.legacyDeadLetterQueue(), false); got != null;
                    got = channel.basicGet(topology.legacyDeadLetterQueue(), false)) {
                peeked.add(new Message(got.getBody(), converter.toMessageProperties(got.getProps(),
                        got.getEnvelope(), "UTF-8")));
            }
            channel.basicRecover(true);
            return peeked;
        });
    }

    /** Removes the run's exchanges and queues. */
    void deleteNamespace() {
        TopologyDeclarations.deleteNamespace(admin, topology.namespace(), allTiers());
    }

    private List<Duration> allTiers() {
        return Stream.concat(retry.tiers().stream(), EARLIER_RELEASE_TIERS.stream()).distinct()
                .toList();
    }

    @Override
    public void close() {
        connection.destroy();
    }
}

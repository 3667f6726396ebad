package bookbot.core.deadletter;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.MessagingSettings;
import bookbot.core.messaging.Topology;

/**
 * The upgrade from versions that kept dead letters in the classic queue {@code {ns}.dead}: at start, every worker
 * unbinds that queue, moves its messages into the dead-letter log (each acknowledged only after the log confirmed
 * it) and deletes it once empty. Each keeps its id, and one the broker dead-lettered keeps what its {@code x-death}
 * said, written into our headers: a stream keeps no table or array header. Killed midway, a
 * message may be in both places and is moved again: the log then holds two copies with one id, which a replay or
 * discard of that id settles together.
 */
public final class LegacyDeadLetterQueue {

    private static final Logger log = LoggerFactory.getLogger(LegacyDeadLetterQueue.class);
    private static final DefaultMessagePropertiesConverter CONVERTER = new DefaultMessagePropertiesConverter();

    private final BrokerConnections connections;
    private final AmqpAdmin admin;
    private final Topology topology;
    private final MessagingSettings settings;
    private final DeadLetterReader reader;

    public LegacyDeadLetterQueue(BrokerConnections connections, AmqpAdmin admin, Topology topology,
            MessagingSettings settings, DeadLetterReader reader) {
        this.reader = reader;
        this.connections = connections;
        this.admin = admin;
        this.topology = topology;
        this.settings = settings;
    }

    /** @return how many dead letters moved; 0 when there was no old queue */
    public int moveIntoLog() throws IOException, TimeoutException {
        String legacy = topology.legacyDeadLetterQueue();
        CachingConnectionFactory factory = connections.open("bookbot-dead-letter-upgrade", ConfirmType.NONE);
        try (Connection connection = factory.createConnection()) {
            if (!exists(connection, legacy)) {
                return 0;
            }
            admin.initialize(); // the log must exist before anything moves into it
            try (DeadLetterLog deadLetters = new DeadLetterLog(factory, topology, settings.confirmTimeout())) {
                Channel channel = deadLetters.channel();
                channel.queueUnbind(legacy, topology.deadLetterExchange(), "");
                int moved = 0;
                for (GetResponse response = channel.basicGet(legacy, false); response != null;
                        response = channel.basicGet(legacy, false)) {
                    deadLetters.append(readable(response));
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    moved++;
                }
                channel.queueDelete(legacy, false, true);
                log.info("moved {} dead letters from the old queue {} into the dead-letter log {}, and deleted {}",
                        moved, legacy, topology.deadLetterLog(), legacy);
                return moved;
            }
        } finally {
            factory.destroy();
        }
    }

    /** Asked on a channel of its own: a passive declare of a missing queue closes the channel. */
    private static boolean exists(Connection connection, String queue) throws IOException, TimeoutException {
        Channel probe = connection.createChannel(false);
        try {
            probe.queueDeclarePassive(queue);
            probe.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The message with what admins read of it in headers a stream keeps: its id and, for one the broker
     * dead-lettered, what its {@code x-death} said.
     */
    private Message readable(GetResponse response) {
        Message message = new Message(response.getBody(),
                CONVERTER.toMessageProperties(response.getProps(), response.getEnvelope(), "UTF-8"));
        DeadLetter deadLetter = reader.summarize(message);
        MessageProperties properties = message.getMessageProperties();
        properties.setHeader(JobHeaders.DEAD_LETTER_ID, deadLetter.id());
        if (properties.getHeader(JobHeaders.DEAD_REASON) == null) {
            properties.setHeader(JobHeaders.DEAD_STAGE, deadLetter.stage());
            properties.setHeader(JobHeaders.DEAD_REASON, deadLetter.reason());
            properties.setHeader(JobHeaders.DEAD_ERROR, deadLetter.error());
            if (deadLetter.firstFailedAt() != null) {
                properties.setHeader(JobHeaders.FIRST_FAILED_AT, deadLetter.firstFailedAt().toString());
                properties.setHeader(JobHeaders.LAST_FAILED_AT, deadLetter.lastFailedAt().toString());
            }
        }
        return message;
    }

    /** Runs the upgrade at start; a failure is logged and the process goes on (the next start tries again). */
    public void moveIntoLogAtStart() {
        try {
            moveIntoLog();
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.warn("dead letters in the old queue {} were not (all) moved into the dead-letter log: {}; the next"
                    + " start of a worker tries again", topology.legacyDeadLetterQueue(), e.toString());
        }
    }
}

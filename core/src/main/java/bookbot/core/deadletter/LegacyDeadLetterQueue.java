package bookbot.core.deadletter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.MessagingSettings;
import bookbot.core.messaging.Topology;

/**
 * The upgrade from versions that kept dead letters in the classic queue {@code {ns}.dead}: at start, every process
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
    public int moveIntoLog() throws IOException, TimeoutException, InterruptedException {
        String legacy = topology.legacyDeadLetterQueue();
        CachingConnectionFactory factory = connections.open("bookbot-dead-letter-upgrade", ConfirmType.NONE);
        try (Connection connection = factory.createConnection()) {
            if (!exists(connection, legacy)) {
                return 0;
            }
            admin.initialize(); // the log must exist before anything moves into it
            Channel channel = connection.createChannel(false);
            channel.confirmSelect();
            channel.queueUnbind(legacy, topology.deadLetterExchange(), "");
            int moved = 0;
            for (GetResponse message = channel.basicGet(legacy, false); message != null;
                    message = channel.basicGet(legacy, false)) {
                channel.basicPublish("", topology.deadLetterLog(), true, readable(message), message.getBody());
                channel.waitForConfirmsOrDie(settings.confirmTimeout().toMillis());
                channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                moved++;
            }
            channel.queueDelete(legacy, false, true);
            log.info("moved {} dead letters from the old queue {} into the dead-letter log {}, and deleted {}", moved,
                    legacy, topology.deadLetterLog(), legacy);
            return moved;
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
     * The message's properties with what admins read of it in headers a stream keeps: its id and, for one the
     * broker dead-lettered, what its {@code x-death} said.
     */
    private AMQP.BasicProperties readable(GetResponse response) {
        Message message = new Message(response.getBody(),
                CONVERTER.toMessageProperties(response.getProps(), response.getEnvelope(), "UTF-8"));
        DeadLetter deadLetter = reader.summarize(message);
        Map<String, Object> headers = new HashMap<>(response.getProps().getHeaders() == null ? Map.of()
                : response.getProps().getHeaders());
        headers.put(JobHeaders.DEAD_LETTER_ID, deadLetter.id());
        if (!headers.containsKey(JobHeaders.DEAD_REASON)) {
            headers.put(JobHeaders.DEAD_STAGE, deadLetter.stage());
            headers.put(JobHeaders.DEAD_REASON, deadLetter.reason());
            headers.put(JobHeaders.DEAD_ERROR, deadLetter.error());
            if (deadLetter.firstFailedAt() != null) {
                headers.put(JobHeaders.FIRST_FAILED_AT, deadLetter.firstFailedAt().toString());
                headers.put(JobHeaders.LAST_FAILED_AT, deadLetter.lastFailedAt().toString());
            }
        }
        return response.getProps().builder().headers(headers).build();
    }

    /** Runs the upgrade at start; a failure is logged and the process goes on (the next start tries again). */
    public void moveIntoLogAtStart() {
        try {
            moveIntoLog();
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.warn("dead letters in the old queue {} were not (all) moved into the dead-letter log: {}; the next"
                    + " start of any bookbot process tries again", topology.legacyDeadLetterQueue(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

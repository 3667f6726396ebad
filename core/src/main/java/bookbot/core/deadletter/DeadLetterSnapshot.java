package bookbot.core.deadletter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.PublishFailedException;

/**
 * The dead letters one operation holds: every message that was in the queue when it started, taken without
 * acknowledgement on a connection of its own. What the operation removes is acknowledged one message at a time,
 * after its replacement is confirmed; closing the snapshot (or the process dying, which closes the connection)
 * puts every other message back where it was. The dead-letter queue is a classic queue, so taking and putting
 * back neither counts deliveries nor reorders.
 */
final class DeadLetterSnapshot implements AutoCloseable {

    /** One held message, with the delivery tag that removes it. */
    record Held(long deliveryTag, Message message, DeadLetter deadLetter) {
    }

    private static final DefaultMessagePropertiesConverter CONVERTER = new DefaultMessagePropertiesConverter();

    private final CachingConnectionFactory factory;
    private final Channel channel;
    private final List<Held> held;
    private volatile String returned;

    private DeadLetterSnapshot(CachingConnectionFactory factory, Channel channel, List<Held> held) throws IOException {
        this.factory = factory;
        this.channel = channel;
        this.held = held;
        channel.addReturnListener(r -> returned = r.getReplyCode() + " " + r.getReplyText());
        channel.confirmSelect();
    }

    /**
     * Takes as many messages as the queue holds at this moment, so that dead letters arriving meanwhile stay out
     * (they queue up behind). Messages another operation holds right now are not in the count, nor in this
     * snapshot.
     */
    static DeadLetterSnapshot take(BrokerConnections connections, String queue, Function<Message, DeadLetter> reader) {
        CachingConnectionFactory factory = connections.open("bookbot-dead-letters", ConfirmType.NONE);
        try {
            Channel channel = factory.createConnection().createChannel(false);
            int count = countReady(channel, queue);
            List<Held> held = new ArrayList<>(count);
            while (held.size() < count) {
                GetResponse response = channel.basicGet(queue, false);
                if (response == null) {
                    break;
                }
                MessageProperties properties = CONVERTER.toMessageProperties(response.getProps(),
                        response.getEnvelope(), "UTF-8");
                Message message = new Message(response.getBody(), properties);
                held.add(new Held(response.getEnvelope().getDeliveryTag(), message, reader.apply(message)));
            }
            return new DeadLetterSnapshot(factory, channel, held);
        } catch (IOException | AmqpException e) {
            factory.destroy();
            throw new DeadLettersUnavailableException("cannot read the dead-letter queue " + queue + ": "
                    + rootMessage(e), e);
        } catch (RuntimeException e) {
            factory.destroy();
            throw e;
        }
    }

    private static int countReady(Channel channel, String queue) {
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            throw new DeadLettersUnavailableException("there is no queue " + queue + " on the broker (is the"
                    + " namespace right? every bookbot service declares it when it starts)", e);
        }
    }

    List<Held> held() {
        return held;
    }

    /**
     * Publishes on the snapshot's own channel and returns once the broker confirmed that a queue took the message.
     * (On this channel rather than through a RabbitTemplate: a cached confirm channel is handed back on a thread of
     * its own, which races the connection's close at the end of the operation.)
     *
     * @throws PublishFailedException when the broker refused it, no queue took it, or no confirm came in time
     */
    void publishConfirmed(String exchange, String routingKey, Message message, Duration confirmTimeout) {
        returned = null;
        try {
            channel.basicPublish(exchange, routingKey, true,
                    CONVERTER.fromMessageProperties(message.getMessageProperties(), "UTF-8"), message.getBody());
            if (!channel.waitForConfirms(confirmTimeout.toMillis())) {
                throw new PublishFailedException("the broker refused the message to " + exchange + "/" + routingKey, null);
            }
        } catch (TimeoutException e) {
            throw new PublishFailedException("no confirm from the broker within " + confirmTimeout, e);
        } catch (IOException | AmqpException e) {
            throw new PublishFailedException("publish to " + exchange + "/" + routingKey + " failed: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for a confirm", e);
        }
        // The broker sends a mandatory message's return before its confirm.
        if (returned != null) {
            throw new PublishFailedException("no queue bound for " + exchange + "/" + routingKey + ": " + returned, null);
        }
    }

    /** Removes a held message from the queue for good. */
    void remove(Held message) throws IOException {
        channel.basicAck(message.deliveryTag(), false);
    }

    /** Puts back every message not removed, in its place. */
    @Override
    public void close() {
        factory.destroy();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

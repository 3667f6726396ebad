package bookbot.core.deadletter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;

import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.PublishFailedException;
import bookbot.core.messaging.Topology;

/**
 * The dead-letter log, read and written on a channel of its own (open it on a connection factory of its own: the
 * channel is in confirm mode): two RabbitMQ streams, read by offset and never consumed.
 * {@code {ns}.dead-letters} holds every dead letter in order of death; {@code {ns}.dead-decisions} holds one entry
 * per dead letter an admin replayed or discarded. A dead letter is open while no decision names its id.
 *
 * <p>A stream has no "end" a reader is told about, so each read first appends a mark of its own and reads up to
 * it: everything dead before the read began, nothing after. Marks are a few bytes and every reader skips them.
 * Reading acknowledges as it goes (on a stream that only grants credit), so no read holds a delivery and none is
 * bounded by the broker's delivery-acknowledgement timeout.
 */
public final class DeadLetterLog implements AutoCloseable {

    /** One message of the log and its offset. */
    public record Entry(long offset, Message message) {
    }

    /** An admin's decision about one dead letter, the one at {@code offset} in the log. */
    public record Decision(long offset, String deadLetterId, String jobId, String action, String actor, Instant at,
            String why) {
        public static final String REPLAYED = "replayed";
        public static final String DISCARDED = "discarded";
    }

    static final String MARK = "bookbot-log-mark";
    static final String DECISION = "bookbot-decision";
    static final String DECIDED_OFFSET = "bookbot-dead-letter-offset";
    static final String DECIDED_BY = "bookbot-decided-by";
    static final String DECIDED_AT = "bookbot-decided-at";
    static final String DECISION_WHY = "bookbot-decision-why";

    private static final String OFFSET = "x-stream-offset";
    private static final int PREFETCH = 500;
    private static final Duration SILENCE = Duration.ofSeconds(30);
    private static final DefaultMessagePropertiesConverter CONVERTER = new DefaultMessagePropertiesConverter();
    private static final Object END = new Object();

    private final Connection connection;
    private final Channel channel;
    private final Topology topology;
    private final Duration confirmTimeout;
    private volatile String returned;

    public DeadLetterLog(ConnectionFactory factory, Topology topology, Duration confirmTimeout) {
        this.topology = topology;
        this.confirmTimeout = confirmTimeout;
        try {
            this.connection = factory.createConnection();
            this.channel = connection.createChannel(false);
            channel.addReturnListener(r -> returned = r.getReplyCode() + " " + r.getReplyText());
            channel.confirmSelect();
            channel.basicQos(PREFETCH);
            // A stream can still hand over a delivery for a read that was just cancelled; without a default
            // consumer the client calls it an "unsolicited delivery" and closes the connection mid-command (CI saw
            // `dlq replay` fail so once). Reading by offset takes nothing, so such a straggler is simply dropped.
            channel.setDefaultConsumer(new DefaultConsumer(channel));
        } catch (IOException | AmqpException e) {
            throw new DeadLettersUnavailableException("cannot reach the broker for the dead-letter log: "
                    + rootMessage(e), e);
        }
    }

    /** Where in the log the dead letters are that admins replayed or discarded. */
    public Set<Long> decidedOffsets() {
        Set<Long> offsets = new HashSet<>();
        readToMark(topology.deadLetterDecisions(), "first", entry -> {
            if (entry.message().getMessageProperties().getHeaders().get(DECIDED_OFFSET) instanceof Number offset) {
                offsets.add(offset.longValue());
            }
            return true;
        });
        return offsets;
    }

    /**
     * Visits the dead letters, oldest first, from the start of the log up to the moment of the call.
     *
     * @param visitor returns false to stop early
     * @return the offset where the log ended when the read began (exclusive), for {@link #readLetters(long, long, Predicate)}
     */
    public long readLetters(Predicate<Entry> visitor) {
        return readToMark(topology.deadLetterLog(), "first", visitor);
    }

    /** Visits the dead letters with offsets from {@code from} (inclusive) to {@code end} (exclusive). */
    public void readLetters(long from, long end, Predicate<Entry> visitor) {
        if (from >= end) {
            return;
        }
        read(topology.deadLetterLog(), from, entry -> entry.offset() < end, visitor);
    }

    /** Every dead letter no admin replayed or discarded yet, oldest first. */
    public List<Entry> openLetters() {
        Set<Long> decided = decidedOffsets();
        List<Entry> open = new ArrayList<>();
        readLetters(entry -> {
            if (!decided.contains(entry.offset())) {
                open.add(entry);
            }
            return true;
        });
        return open;
    }

    /** Appends a decision, returning once the broker confirmed it. */
    public void record(Decision decision) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(decision.jobId());
        properties.setHeader(DECIDED_OFFSET, decision.offset());
        properties.setHeader(JobHeaders.DEAD_LETTER_ID, decision.deadLetterId());
        properties.setHeader(DECISION, decision.action());
        properties.setHeader(DECIDED_BY, decision.actor());
        properties.setHeader(DECIDED_AT, decision.at().toString());
        if (decision.why() != null) {
            properties.setHeader(DECISION_WHY, decision.why());
        }
        publishConfirmed("", topology.deadLetterDecisions(), new Message(new byte[0], properties));
    }

    /** Appends a dead letter as it is (for moving letters out of the old queue). */
    void append(Message deadLetter) {
        publishConfirmed("", topology.deadLetterLog(), deadLetter);
    }

    /**
     * Publishes and returns once the broker confirmed that a queue took the message.
     *
     * @throws PublishFailedException when the broker refused it, no queue took it, or no confirm came in time
     */
    public void publishConfirmed(String exchange, String routingKey, Message message) {
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

    /** The channel, for moving messages out of the old queue. */
    Channel channel() {
        return channel;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
            // Closing the connection closes it too.
        }
        connection.close();
    }

    private long readToMark(String stream, Object from, Predicate<Entry> visitor) {
        String mark = UUID.randomUUID().toString();
        MessageProperties properties = new MessageProperties();
        properties.setHeader(MARK, mark);
        try {
            publishConfirmed("", stream, new Message(new byte[0], properties));
        } catch (PublishFailedException e) {
            throw new DeadLettersUnavailableException("cannot read " + stream + ": " + e.getMessage()
                    + " (every bookbot service declares it when it starts; is the namespace right?)", e);
        }
        long[] end = {-1};
        read(stream, from, entry -> {
            if (mark.equals(entry.message().getMessageProperties().getHeaders().get(MARK))) {
                end[0] = entry.offset();
                return false;
            }
            return true;
        }, visitor);
        return end[0];
    }

    /**
     * Consumes the stream from an offset while {@code goOn} holds, handing every entry that is not a mark to the
     * visitor, then cancels the consumer.
     */
    private void read(String stream, Object from, Predicate<Entry> goOn, Predicate<Entry> visitor) {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        String tag;
        try {
            tag = channel.basicConsume(stream, false, Map.of(OFFSET, from), (t, delivery) -> inbox.add(delivery),
                    t -> inbox.add(END), (t, signal) -> inbox.add(END));
        } catch (IOException | AmqpException e) {
            throw new DeadLettersUnavailableException("cannot read " + stream + ": " + rootMessage(e), e);
        }
        try {
            int unacked = 0;
            while (true) {
                Object next = inbox.poll(SILENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null || next == END) {
                    throw new DeadLettersUnavailableException("reading " + stream + " stopped: "
                            + (next == null ? "the broker sent nothing for " + SILENCE.toSeconds() + " s"
                                    : "the broker cancelled the read"), null);
                }
                Delivery delivery = (Delivery) next;
                if (++unacked >= PREFETCH / 4) {
                    channel.basicAck(delivery.getEnvelope().getDeliveryTag(), true);
                    unacked = 0;
                }
                MessageProperties properties = CONVERTER.toMessageProperties(delivery.getProperties(),
                        delivery.getEnvelope(), "UTF-8");
                Entry entry = new Entry(((Number) properties.getHeaders().get(OFFSET)).longValue(),
                        new Message(delivery.getBody(), properties));
                if (!goOn.test(entry)) {
                    return;
                }
                if (properties.getHeaders().containsKey(MARK)) {
                    continue;
                }
                if (!visitor.test(entry)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new DeadLettersUnavailableException("reading " + stream + " failed: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLettersUnavailableException("interrupted while reading " + stream, e);
        } finally {
            cancel(tag);
        }
    }

    private void cancel(String tag) {
        try {
            if (channel.isOpen()) {
                channel.basicCancel(tag);
            }
        } catch (IOException | RuntimeException e) {
            // The read is over either way; a channel that cannot cancel is closed with the log.
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

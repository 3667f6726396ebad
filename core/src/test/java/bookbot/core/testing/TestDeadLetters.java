package bookbot.core.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import bookbot.core.deadletter.DeadLetterIds;
import bookbot.core.deadletter.DeadLetterLog;
import bookbot.core.messaging.Topology;

/** Reads a namespace's dead-letter log the way admins do: looking changes nothing. */
public final class TestDeadLetters {

    private TestDeadLetters() {
    }

    /** The open dead letters (not replayed, not discarded), oldest first. */
    public static List<Message> open(Topology topology) {
        return open(topology, TestBroker::connectionFactory);
    }

    /** The open dead letters on a broker of the test's own. */
    public static List<Message> open(Topology topology, Supplier<CachingConnectionFactory> broker) {
        CachingConnectionFactory factory = broker.get();
        try (DeadLetterLog log = new DeadLetterLog(factory, topology, Duration.ofSeconds(10))) {
            return log.openLetters().stream().map(DeadLetterLog.Entry::message).toList();
        } finally {
            factory.destroy();
        }
    }

    /** Dead-letters a message as a worker would (through the dead-letter exchange), once the broker confirmed it. */
    public static void add(Topology topology, Message deadLetter) {
        CachingConnectionFactory factory = TestBroker.connectionFactory();
        try (DeadLetterLog log = new DeadLetterLog(factory, topology, Duration.ofSeconds(10))) {
            log.publishConfirmed(topology.deadLetterExchange(), "", deadLetter);
        } finally {
            factory.destroy();
        }
    }

    /** How many dead letters are open. */
    public static int count(Topology topology) {
        return open(topology).size();
    }

    /** Closes every open dead letter, as if an admin discarded them: a clean slate for the next test. */
    public static void discardAll(Topology topology) {
        CachingConnectionFactory factory = TestBroker.connectionFactory();
        try (DeadLetterLog log = new DeadLetterLog(factory, topology, Duration.ofSeconds(10))) {
            for (DeadLetterLog.Entry letter : log.openLetters()) {
                log.record(new DeadLetterLog.Decision(letter.offset(), DeadLetterIds.of(letter.message()),
                        letter.message().getMessageProperties().getMessageId(), DeadLetterLog.Decision.DISCARDED,
                        "test", Instant.now(), "a clean slate for the next test"));
            }
        } finally {
            factory.destroy();
        }
    }

    /** Waits for an open dead letter that matches, and returns it. */
    public static Message awaitOne(Topology topology, Predicate<Message> wanted, Duration timeout) {
        return awaitOne(topology, TestBroker::connectionFactory, wanted, timeout);
    }

    public static Message awaitOne(Topology topology, Supplier<CachingConnectionFactory> broker,
            Predicate<Message> wanted, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> open(topology, broker).stream().filter(wanted).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for the dead letter of a job. */
    public static Message awaitJob(Topology topology, String jobId, Duration timeout) {
        return awaitOne(topology, m -> jobId.equals(m.getMessageProperties().getMessageId()), timeout);
    }
}

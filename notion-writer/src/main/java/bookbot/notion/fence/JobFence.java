package bookbot.notion.fence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;

import bookbot.core.failure.TransientFailure;
import bookbot.core.messaging.Topology;

/**
 * One copy of a job at a time among all writers, without asking Notion (whose query does not show a new page at
 * once). The lock is an exclusive queue, {@code {ns}.writing.{jobId}}, declared on a broker connection this
 * process keeps for it: the broker lets one connection own that name (cluster-wide), answers any other with
 * RESOURCE_LOCKED (405), and deletes the queue when its connection closes, so a writer that dies leaves no lock.
 * Exclusive queues lock per connection, so copies in this process are told apart here, in memory.
 *
 * <p>After a job was written its lock lingers a little ({@link #lingerThenRelease}), so that a copy let in
 * next finds the page in Notion's query instead of making a second one.
 *
 * <p>It fences while this connection lives: a writer that lost it (while its consumer connection stayed, or
 * with it) still runs while another copy takes the lock; the writer's second look covers that.
 */
public class JobFence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobFence.class);
    /** Job ids as the gateway makes them (UUIDs) name their lock as they are; anything else by a UUID of it. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final AbstractConnectionFactory.DefaultChannelCloseLogger SPRING_CLOSE_LOGGER =
            new AbstractConnectionFactory.DefaultChannelCloseLogger();

    private final CachingConnectionFactory connection;
    private final RabbitTemplate broker;
    private final Topology topology;
    private final Executor afterLinger;
    private final Set<String> heldHere = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param connection this fence's own: its locks live and die with it
     * @param linger     how long the lock of a written job stays: longer than Notion's query takes to show a page
     */
    public JobFence(CachingConnectionFactory connection, Topology topology, Duration linger) {
        this.connection = connection;
        this.topology = topology;
        this.afterLinger = CompletableFuture.delayedExecutor(linger.toMillis(), TimeUnit.MILLISECONDS,
                release -> Thread.ofVirtual().name("job-fence-release").start(release));
        connection.setCloseExceptionLogger(JobFence::logChannelClose);
        // A refused declare closes its channel: each attempt takes a channel of its own from the cache.
        this.broker = new RabbitTemplate(connection);
    }

    /**
     * @return true when this copy may write the job now; false when another copy holds its lock, in this process
     *         or in another one
     * @throws TransientFailure when the broker cannot be asked
     */
    public boolean tryLock(String jobId) {
        if (!heldHere.add(jobId)) {
            return false;
        }
        try {
            broker.execute(channel -> channel.queueDeclare(lockName(jobId), false, true, true,
                    Map.of("x-queue-type", "classic")));
            return true;
        } catch (AmqpException e) {
            heldHere.remove(jobId);
            if (lockedElsewhere(e)) {
                return false;
            }
            throw new TransientFailure("job-fence-unavailable",
                    "cannot take the lock of job " + jobId + " on the broker: " + describe(e), e);
        }
    }

    /**
     * Lets the next copy of the job in. Never fails: a lock this connection cannot delete is gone already (the
     * connection closed since, and the broker dropped it) or goes when the connection does.
     */
    public void release(String jobId) {
        if (closed) {
            return;
        }
        try {
            broker.execute(channel -> channel.queueDelete(lockName(jobId)));
        } catch (RuntimeException e) {
            log.warn("job {}: lock {} not released ({}); it was lost with an earlier connection, or goes with "
                    + "this one", jobId, lockName(jobId), describe(e));
        } finally {
            heldHere.remove(jobId);
        }
    }

    /** Releases the lock of a job whose page was written once the linger is over, and returns at once. */
    public void lingerThenRelease(String jobId) {
        afterLinger.execute(() -> release(jobId));
    }

    /** The lock's queue name: for operators, {@code rabbitmqctl list_queues name owner_pid} shows who writes. */
    public String lockName(String jobId) {
        String id = PLAIN_ID.matcher(jobId).matches() ? jobId
                : UUID.nameUUIDFromBytes(jobId.getBytes(StandardCharsets.UTF_8)).toString();
        return topology.namespace() + ".writing." + id;
    }

    @Override
    public void close() {
        closed = true;
        connection.destroy();
    }

    private static boolean lockedElsewhere(Throwable failure) {
        return shutdownSignal(failure) instanceof ShutdownSignalException signal && isResourceLocked(signal);
    }

    /** The broker's words when it closed the channel or connection, else the exception's. */
    private static String describe(Throwable failure) {
        ShutdownSignalException signal = shutdownSignal(failure);
        return signal != null ? signal.getMessage() : failure.toString();
    }

    private static ShutdownSignalException shutdownSignal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal) {
                return signal;
            }
        }
        return null;
    }

    private static boolean isResourceLocked(ShutdownSignalException signal) {
        return signal.getReason() instanceof AMQP.Channel.Close close && close.getReplyCode() == AMQP.RESOURCE_LOCKED;
    }

    /** A refused lock is routine, not the error Spring logs for an unexpected channel close. */
    private static void logChannelClose(Log logger, String message, Throwable cause) {
        if (cause instanceof ShutdownSignalException signal && isResourceLocked(signal)) {
            if (logger.isDebugEnabled()) {
                logger.debug(message + ": " + signal.getMessage());
            }
            return;
        }
        SPRING_CLOSE_LOGGER.log(logger, message, cause);
    }
}

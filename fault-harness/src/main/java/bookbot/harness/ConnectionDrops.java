package bookbot.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import bookbot.sandbox.launch.BrokerControl;

/**
 * Every so often has the broker close the connections of the workers that hold jobs of the pipeline's queues
 * ({@code rabbitmqctl close_connection}), as a network blip, missed heartbeats or a node failover do: the broker
 * hands their jobs to other workers at once while the first ones may still be inside their HTTP calls.
 */
final class ConnectionDrops implements AutoCloseable {

    private final List<String> queues;
    private final Supplier<BrokerControl> broker;
    private final Consumer<String> progress;
    private final AtomicInteger closed = new AtomicInteger();
    private final Periodically loop;

    /** @param broker rabbitmqctl against a node that runs now (on a cluster, the one to ask may change) */
    ConnectionDrops(Supplier<BrokerControl> broker, List<String> queues, Duration every, Consumer<String> progress) {
        this.broker = broker;
        this.queues = queues;
        this.progress = progress;
        this.loop = new Periodically("connection-drops", every, this::dropOnce);
    }

    void start() {
        loop.start();
    }

    int closed() {
        return closed.get();
    }

    private void dropOnce() {
        for (String queue : queues) {
            int count;
            try {
                count = broker.get().closeConnectionsHoldingDeliveriesFrom(queue);
            } catch (IllegalStateException e) {
                if (!loop.running()) {
                    return; // interrupted by close(): the run is over
                }
                progress.accept("could not close connections: " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            if (count > 0) {
                closed.addAndGet(count);
                progress.accept("the broker closed " + count + " connection(s) holding jobs of " + queue);
            }
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}

package bookbot.core.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code bookbot_queue_messages{queue}} and {@code bookbot_queue_consumers{queue}} for the pipeline's queues
 * (work and retry tiers), read with a passive declare every {@code interval} on a thread of its own,
 * so that a Prometheus scrape never waits for the broker. A queue that cannot be read reports NaN.
 * Every process reports the same queues; aggregate with {@code max by (queue)}.
 */
public class QueueDepths implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QueueDepths.class);

    private final AmqpAdmin admin;
    private final List<String> queues;
    private final Map<String, QueueInformation> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "queue-depths");
        thread.setDaemon(true);
        return thread;
    });

    public QueueDepths(AmqpAdmin admin, List<String> queues, MeterRegistry registry, Duration interval) {
        this.admin = admin;
        this.queues = List.copyOf(queues);
        for (String queue : this.queues) {
            Gauge.builder("bookbot.queue.messages", () -> read(queue, QueueInformation::getMessageCount))
                    .description("Messages ready in the queue").tag("queue", queue).register(registry);
            Gauge.builder("bookbot.queue.consumers", () -> read(queue, QueueInformation::getConsumerCount))
                    .description("Consumers of the queue").tag("queue", queue).register(registry);
        }
        poller.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private double read(String queue, java.util.function.ToLongFunction<QueueInformation> value) {
        QueueInformation info = latest.get(queue);
        return info == null ? Double.NaN : value.applyAsLong(info);
    }

    void refresh() {
        for (String queue : queues) {
            try {
                QueueInformation info = admin.getQueueInfo(queue);
                if (info == null) {
                    latest.remove(queue);
                } else {
                    latest.put(queue, info);
                }
            } catch (RuntimeException e) {
                latest.remove(queue);
                log.debug("queue depth of {} unknown: {}", queue, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}

package bookbot.core.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.HeadersExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;

/**
 * Everything the pipeline needs on the broker, declared by every process at connect time (declarations
 * are idempotent). The work and retry queues are durable quorum queues with at-least-once dead-lettering; dead
 * letters go to streams (see below). On a cluster all of them are replicated.
 */
public final class TopologyDeclarations {

    private TopologyDeclarations() {
    }

    public static List<Declarable> of(MessagingSettings settings, List<Duration> retryTiers) {
        Topology names = settings.topology();
        DirectExchange work = new DirectExchange(names.workExchange(), true, false);
        HeadersExchange retry = new HeadersExchange(names.retryExchange(), true, false);
        FanoutExchange dead = new FanoutExchange(names.deadLetterExchange(), true, false);
        List<Declarable> all = new ArrayList<>(List.of(work, retry, dead));

        for (Stage stage : Stage.values()) {
            Queue queue = quorum(names.queue(stage))
                    .deliveryLimit(settings.deliveryLimit())
                    .deadLetterExchange(names.deadLetterExchange())
                    .build();
            all.add(queue);
            all.add(BindingBuilder.bind(queue).to(work).with(stage.inputKey()));
        }

        // A retried job waits in its tier's queue, then expires back into the work exchange under its
        // original routing key. The retry exchange routes on the tier header, leaving the routing key alone.
        for (Duration tier : retryTiers) {
            Queue tierQueue = quorum(names.retryQueue(tier))
                    .ttl(Math.toIntExact(tier.toMillis()))
                    .deadLetterExchange(names.workExchange())
                    .build();
            all.add(tierQueue);
            all.add(BindingBuilder.bind(tierQueue).to(retry).where(JobHeaders.RETRY_TIER).matches(Topology.tierName(tier)));
        }
        // Streams: admins read dead letters by offset without taking them, so looking changes nothing, no read is
        // bounded by the delivery-acknowledgement timeout and any number of admins read at once. A replay or
        // discard appends a decision instead of removing the letter, which stays as the record of what happened.
        Queue deadLetters = QueueBuilder.durable(names.deadLetterLog()).stream().build();
        all.add(deadLetters);
        all.add(BindingBuilder.bind(deadLetters).to(dead));
        all.add(QueueBuilder.durable(names.deadLetterDecisions()).stream().build());
        return all;
    }

    /**
     * Deletes every queue and exchange of a namespace whose processes ran with these retry tiers: for tests,
     * benchmarks and drills that use a namespace of their own. Only names inside the namespace are touched.
     */
    public static void deleteNamespace(AmqpAdmin admin, String namespace, List<Duration> retryTiers) {
        deleteOwned(admin, namespace, of(new MessagingSettings(namespace, Duration.ofSeconds(2), 10), retryTiers));
        admin.deleteQueue(new Topology(namespace).legacyDeadLetterQueue());
    }

    /** Deletes those of the declarables that are queues or exchanges named inside the namespace. */
    public static void deleteOwned(AmqpAdmin admin, String namespace, List<Declarable> declared) {
        for (Declarable declarable : declared) {
            if (declarable instanceof Queue queue && inside(namespace, queue.getName())) {
                admin.deleteQueue(queue.getName());
            } else if (declarable instanceof Exchange exchange && inside(namespace, exchange.getName())) {
                admin.deleteExchange(exchange.getName());
            }
        }
    }

    private static boolean inside(String namespace, String name) {
        return name.equals(namespace) || name.startsWith(namespace + ".");
    }

    private static QueueBuilder quorum(String name) {
        return QueueBuilder.durable(name).quorum()
                .withArgument("x-dead-letter-strategy", "at-least-once")
                .overflow(QueueBuilder.Overflow.rejectPublish);
    }
}

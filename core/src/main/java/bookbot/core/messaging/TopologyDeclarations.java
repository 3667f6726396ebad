package bookbot.core.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;

/**
 * Everything the pipeline needs on the broker, declared by every process at connect time (declarations
 * are idempotent). All queues are durable quorum queues with at-least-once dead-lettering.
 */
public final class TopologyDeclarations {

    private TopologyDeclarations() {
    }

    public static List<Declarable> of(MessagingSettings settings, Duration retryDelay) {
        Topology names = settings.topology();
        DirectExchange work = new DirectExchange(names.workExchange(), true, false);
        FanoutExchange retry = new FanoutExchange(names.retryExchange(), true, false);
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

        // Messages wait here, then expire back into the work exchange under their original routing key.
        Queue retryQueue = quorum(names.retryQueue())
                .ttl((int) retryDelay.toMillis())
                .deadLetterExchange(names.workExchange())
                .build();
        Queue deadQueue = QueueBuilder.durable(names.deadLetterQueue()).quorum().build();
        all.add(retryQueue);
        all.add(deadQueue);
        all.add(BindingBuilder.bind(retryQueue).to(retry));
        all.add(BindingBuilder.bind(deadQueue).to(dead));
        return all;
    }

    private static QueueBuilder quorum(String name) {
        return QueueBuilder.durable(name).quorum()
                .withArgument("x-dead-letter-strategy", "at-least-once")
                .overflow(QueueBuilder.Overflow.rejectPublish);
    }
}

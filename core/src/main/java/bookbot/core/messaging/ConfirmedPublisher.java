package bookbot.core.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a message and returns only once the broker has confirmed it and routed it to a queue.
 * Anything less is a {@link PublishFailedException}: a caller never believes a message is safe when it is not.
 */
public class ConfirmedPublisher implements MessagePublisher {

    private final RabbitTemplate template;
    private final Duration confirmTimeout;

    public ConfirmedPublisher(RabbitTemplate template, Duration confirmTimeout) {
        if (!template.isMandatoryFor(new Message(new byte[0]))) {
            throw new IllegalStateException("the RabbitTemplate must publish with mandatory=true, "
                    + "or unroutable messages would be confirmed and lost");
        }
        this.template = template;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void publish(String exchange, String routingKey, Message message) {
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        try {
            template.send(exchange, routingKey, message, correlation);
        } catch (AmqpException e) {
            throw new PublishFailedException("broker unreachable: " + e.getMessage(), e);
        }
        CorrelationData.Confirm confirm = awaitConfirm(correlation, exchange, routingKey);
        if (!confirm.ack()) {
            throw new PublishFailedException("broker refused the message to " + exchange + "/" + routingKey
                    + ": " + confirm.reason(), null);
        }
        ReturnedMessage returned = correlation.getReturned();
        if (returned != null) {
            throw new PublishFailedException("no queue bound for " + exchange + "/" + routingKey
                    + ": " + returned.getReplyText(), null);
        }
    }

    private CorrelationData.Confirm awaitConfirm(CorrelationData correlation, String exchange, String routingKey) {
        try {
            return correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PublishFailedException("no confirm from the broker within " + confirmTimeout
                    + " for " + exchange + "/" + routingKey, e);
        } catch (ExecutionException e) {
            throw new PublishFailedException("publish to " + exchange + "/" + routingKey + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for a confirm", e);
        }
    }
}

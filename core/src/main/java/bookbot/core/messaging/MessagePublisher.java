package bookbot.core.messaging;

import org.springframework.amqp.core.Message;

/** Puts a message on the broker so that it is safe there when this returns, or throws. */
public interface MessagePublisher {

    void publish(String exchange, String routingKey, Message message);
}

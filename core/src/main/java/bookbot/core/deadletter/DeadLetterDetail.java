package bookbot.core.deadletter;

import java.util.List;
import java.util.Map;

/**
 * One dead letter whole.
 *
 * @param routingKey where a replay sends it (the input of the stage that failed)
 * @param payload    the job as JSON, or the body as text when it is not JSON
 * @param headers    every AMQP header it carries
 * @param history    earlier deaths and replays, oldest first
 */
public record DeadLetterDetail(
        DeadLetter deadLetter,
        String routingKey,
        Object payload,
        Map<String, Object> headers,
        List<PastDeath> history) {
}

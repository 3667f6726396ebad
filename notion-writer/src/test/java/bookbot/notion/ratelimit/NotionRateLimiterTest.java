package bookbot.notion.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

class NotionRateLimiterTest {

    private final AmqpAdmin admin = mock(AmqpAdmin.class);
    private final NotionRateLimiter limiter = new NotionRateLimiter(3, 4, "books.enriched", admin, false);

    @AfterEach
    void stop() {
        limiter.close();
    }

    @Test
    void eachProcessTakesTheShareOfTheLimitThatItsConsumersAreOfAll() {
        consumers(16);
        limiter.rebalance();
        assertThat(limiter.currentRate()).isEqualTo(0.75);

        consumers(8);
        limiter.rebalance();
        assertThat(limiter.currentRate()).isEqualTo(1.5);
    }

    @Test
    void aLoneProcessGetsTheWholeLimit() {
        consumers(0);
        limiter.rebalance();

        assertThat(limiter.currentRate()).isEqualTo(3);
    }

    private void consumers(int count) {
        Properties info = new Properties();
        info.put(RabbitAdmin.QUEUE_CONSUMER_COUNT, count);
        info.put(RabbitAdmin.QUEUE_MESSAGE_COUNT, 0);
        when(admin.getQueueProperties("books.enriched")).thenReturn(info);
    }
}

package bookbot.sandbox.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerAddressTest {

    @Test
    void nothingSetMeansTheLocalBrokerAsInstalled() {
        assertThat(BrokerAddress.fromEnvironment(Map.of())).isEqualTo(BrokerAddress.LOCAL);
    }

    @Test
    void readsHostAndPortAsTheServicesDo() {
        BrokerAddress broker = BrokerAddress.fromEnvironment(Map.of("SPRING_RABBITMQ_HOST", "mq", "SPRING_RABBITMQ_PORT",
                "5673", "SPRING_RABBITMQ_USERNAME", "bookbot", "SPRING_RABBITMQ_PASSWORD", "s3cret/+",
                "SPRING_RABBITMQ_VIRTUAL_HOST", "/"));

        assertThat(broker.environment()).containsEntry("SPRING_RABBITMQ_ADDRESSES", "mq:5673")
                .containsEntry("SPRING_RABBITMQ_USERNAME", "bookbot");
        assertThat(broker.uri()).isEqualTo("amqp://bookbot:s3cret%2F%2B@mq:5673/%2F");
        assertThat(broker.toString()).doesNotContain("s3cret");
    }

    @Test
    void aClustersAddressesWinOverHostAndPort() {
        BrokerAddress broker = BrokerAddress.fromEnvironment(Map.of("SPRING_RABBITMQ_ADDRESSES",
                "127.0.0.1:5701,127.0.0.1:5702", "SPRING_RABBITMQ_HOST", "ignored"));

        assertThat(broker.addresses()).isEqualTo("127.0.0.1:5701,127.0.0.1:5702");
        assertThat(broker.host()).isEqualTo("127.0.0.1");
        assertThat(broker.port()).isEqualTo(5701);
    }
}

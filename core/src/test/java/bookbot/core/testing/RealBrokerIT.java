package bookbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import bookbot.core.messaging.MessagingConfig;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;

/**
 * The kit's promise: a test's context talks to the test broker in a namespace of its own, whatever the test's
 * settings say, and once the context is closed nothing of that namespace is left on the broker.
 */
@SpringBootTest(classes = RealBrokerIT.Messaging.class, properties = "bookbot.amqp.namespace=books")
@RealBroker
class RealBrokerIT {

    @Autowired
    Topology topology;
    @Value("${bookbot.amqp.namespace}")
    String namespace;
    @Value("${spring.rabbitmq.port}")
    int port;

    @Test
    void anAnnotatedTestRunsInAFreshNamespaceOnTheTestBroker() {
        assertThat(namespace).as("not the real pipeline's, though the test asked for it").startsWith("test-");
        assertThat(topology.namespace()).isEqualTo(namespace);
        assertThat(port).isEqualTo(TestBroker.address().port());
    }

    @Test
    void everyContextGetsANamespaceOfItsOwn() {
        try (ConfigurableApplicationContext one = start(); ConfigurableApplicationContext another = start()) {
            assertThat(namespaceOf(one)).startsWith("test-").isNotEqualTo(namespaceOf(another)).isNotEqualTo(namespace);
        }
    }

    @Test
    void closingTheContextDeletesTheQueuesAndExchangesItDeclared() throws IOException {
        ConfigurableApplicationContext context = start();
        Topology declared = context.getBean(Topology.class);
        context.getBean(AmqpAdmin.class).initialize();
        assertThat(queueExists(declared.queue(Stage.ENRICH))).isTrue();
        assertThat(exchangeExists(declared.workExchange())).isTrue();

        context.close();

        for (Stage stage : Stage.values()) {
            assertThat(queueExists(declared.queue(stage))).as(stage.label()).isFalse();
        }
        assertThat(queueExists(declared.deadLetterLog())).isFalse();
        assertThat(queueExists(declared.deadLetterDecisions())).isFalse();
        assertThat(exchangeExists(declared.workExchange())).isFalse();
        assertThat(exchangeExists(declared.retryExchange())).isFalse();
        assertThat(exchangeExists(declared.deadLetterExchange())).isFalse();
    }

    /** A context started the way the test framework starts an annotated test's. */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Messaging.class).web(WebApplicationType.NONE)
                .initializers(context -> new RealBrokerNamespace().customizeContext(context, null))
                .run();
    }

    private static String namespaceOf(ConfigurableApplicationContext context) {
        return context.getEnvironment().getProperty("bookbot.amqp.namespace");
    }

    private static boolean queueExists(String name) {
        CachingConnectionFactory factory = TestBroker.connectionFactory();
        try {
            return new RabbitAdmin(factory).getQueueInfo(name) != null;
        } finally {
            factory.destroy();
        }
    }

    private static boolean exchangeExists(String name) {
        CachingConnectionFactory factory = TestBroker.connectionFactory();
        try {
            return new RabbitTemplate(factory).execute(channel -> {
                try {
                    channel.exchangeDeclarePassive(name);
                    return true;
                } catch (IOException absent) {
                    return false;
                }
            });
        } finally {
            factory.destroy();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(MessagingConfig.class)
    static class Messaging {
    }
}

package bookbot.gateway.slack;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.core.messaging.Topology;
import bookbot.core.testing.RealBroker;
import bookbot.core.testing.TestBroker;

/**
 * A broker whose exchange was declared differently by someone else (an older version, a typo in a policy):
 * the gateway cannot declare its topology. It must still answer within Slack's 3 s, with "not saved".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealBroker
@DirtiesContext // broken on purpose: left cached, it would retry its declarations (and log errors) under the next classes
class GatewayWithConflictingTopologyIT {

    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        SLACK.register(registry, "secret");
    }

    @AfterAll
    static void stopSlack() throws IOException {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aSubmissionIsAnsweredInTimeWithANotSavedError() {
        NotSavedExpectation.assertAValidSubmissionIsAnsweredNotSavedInTime(port, "secret");
    }

    /** Someone else's work exchange, a fanout, declared in the gateway's namespace before any gateway bean exists. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SomeoneElsesExchange {

        @Bean
        static BeanFactoryPostProcessor workExchangeDeclaredAsFanout(Environment environment) {
            Topology topology = new Topology(environment.getRequiredProperty("bookbot.amqp.namespace"));
            return beanFactory -> {
                CachingConnectionFactory factory = TestBroker.connectionFactory();
                try {
                    new RabbitAdmin(factory).declareExchange(new FanoutExchange(topology.workExchange(), true, false));
                } finally {
                    factory.destroy();
                }
            };
        }
    }
}

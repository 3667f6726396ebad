package bookbot.gateway.slack;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.core.testing.TestBroker;

/**
 * A broker whose exchange was declared differently by someone else (an older version, a typo in a policy):
 * the gateway cannot declare its topology. It must still answer within Slack's 3 s, with "not saved".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GatewayWithConflictingTopologyIT {

    private static final String NAMESPACE = TestBroker.newNamespace();
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        declareWorkExchangeAsFanout();
        TestBroker.register(registry, NAMESPACE);
        SLACK.register(registry, "secret");
    }

    @AfterAll
    static void cleanUp(@Autowired ApplicationContext context) throws IOException {
        TestBroker.shutDown(context, NAMESPACE);
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aSubmissionIsAnsweredInTimeWithANotSavedError() {
        NotSavedExpectation.assertAValidSubmissionIsAnsweredNotSavedInTime(port, "secret");
    }

    private static void declareWorkExchangeAsFanout() {
        CachingConnectionFactory factory = TestBroker.connectionFactory();
        try {
            new RabbitAdmin(factory).declareExchange(new FanoutExchange(NAMESPACE, true, false));
        } finally {
            factory.destroy();
        }
    }
}

package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

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
import bookbot.gateway.form.BookModal;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackRequests;
import tools.jackson.databind.json.JsonMapper;

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
        registry.add("bookbot.gateway.signing-secret", () -> "secret");
        registry.add("bookbot.slack.bot-token", () -> "xoxb-test-token");
        registry.add("bookbot.slack.api-url", SLACK::apiUrl);
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
        SlackAppClient slack = new SlackAppClient(URI.create("http://127.0.0.1:" + port + "/slack/events"));
        SlackRequests requests = new SlackRequests("secret", Clock.systemUTC());

        SlackAppClient.Answer answer = slack.send(requests.viewSubmission("U0MEMBER", "V1", BookModal.CALLBACK_ID,
                "C0BOOKS", new FormValues("https://ridibooks.com/books/1354000126", "소설::SF", "r", null)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(SlackAppClient.SLACK_TIMEOUT);
        assertThat(JsonMapper.builder().build().readTree(answer.body()).get("errors").get("book_link").asString())
                .startsWith("Not saved");
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

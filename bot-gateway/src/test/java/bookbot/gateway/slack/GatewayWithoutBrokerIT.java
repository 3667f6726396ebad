package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.gateway.form.BookModal;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackRequests;
import tools.jackson.databind.json.JsonMapper;

/** With the broker unreachable, a member learns within Slack's 3 s that the book was not saved. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GatewayWithoutBrokerIT {

    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", GatewayWithoutBrokerIT::closedPort);
        registry.add("bookbot.gateway.signing-secret", () -> "secret");
        registry.add("bookbot.slack.bot-token", () -> "xoxb-test-token");
        registry.add("bookbot.slack.api-url", SLACK::apiUrl);
    }

    @AfterAll
    static void stopSlack() throws IOException {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aSubmissionIsAnsweredInTimeWithANotSavedErrorInTheForm() {
        SlackAppClient slack = new SlackAppClient(URI.create("http://127.0.0.1:" + port + "/slack/events"));
        SlackRequests requests = new SlackRequests("secret", Clock.systemUTC());

        SlackAppClient.Answer answer = slack.send(requests.viewSubmission("U0MEMBER", "V1", BookModal.CALLBACK_ID,
                "C0BOOKS", new FormValues("https://ridibooks.com/books/1354000126", "소설::SF", "r", null)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(SlackAppClient.SLACK_TIMEOUT);
        assertThat(JsonMapper.builder().build().readTree(answer.body()).get("errors").get("book_link").asString())
                .startsWith("Not saved");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

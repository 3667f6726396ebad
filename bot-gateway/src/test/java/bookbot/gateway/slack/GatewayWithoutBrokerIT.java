package bookbot.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import bookbot.sandbox.launch.Ports;

/**
 * With the broker unreachable, a member learns within Slack's 3 s that the book was not saved, and the gateway
 * reports itself not ready (but alive: a restart would not bring the broker back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWithoutBrokerIT {

    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", Ports::free);
        SLACK.register(registry, "secret");
    }

    @AfterAll
    static void stopSlack() throws IOException {
        SLACK.close();
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void aSubmissionIsAnsweredInTimeWithANotSavedErrorInTheForm() {
        NotSavedExpectation.assertAValidSubmissionIsAnsweredNotSavedInTime(port, "secret");
    }

    @Test
    void isAliveButNotReadyWhileTheBrokerIsUnreachable() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> liveness = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
    }

    @Test
    void healthAndMetricsAreNotOnThePortSlackTalksTo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
        }
    }

}

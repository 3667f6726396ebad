package bookbot.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.core.deadletter.DeadLetters;
import bookbot.core.testing.RealBroker;
import bookbot.gateway.slack.FakeSlackWebApi;

/** A gateway started with BOOKBOT_ADMIN_TOKEN blank: no admin API at all, whatever the request carries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealBroker
class AdminApiAbsentIT {

    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        SLACK.register(registry, "test-signing-secret");
        registry.add("bookbot.admin.token", () -> "  ");
    }

    @AfterAll
    static void stopSlack() throws IOException {
        SLACK.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void answersNotFoundOnEveryAdminRoute() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/admin/dead-letters", "/admin/dead-letters/abc", "/admin"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer  ").GET().build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).as(path).isEqualTo(404);
        }
        HttpRequest replay = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/dead-letters/replay"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"all\":true}")).header("Content-Type", "application/json").build();
        assertThat(http.send(replay, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(context.getBeanNamesForType(DeadLetters.class)).isEmpty();
    }
}

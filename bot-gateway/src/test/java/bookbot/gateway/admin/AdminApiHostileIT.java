package bookbot.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.testing.DeadLetterMessages;
import bookbot.core.testing.Jobs;
import bookbot.core.testing.RealBroker;
import bookbot.core.testing.TestDeadLetters;
import bookbot.gateway.slack.FakeSlackWebApi;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The admin door ({@code /admin/*}) tried with every route × a table of wrong credentials: each answer is a 401,
 * no dead letter is replayed or discarded, every refusal is counted in {@code bookbot_admin_refused_total}, and
 * neither the real token nor a presented one appears in an answer or a log line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealBroker
@ExtendWith(OutputCaptureExtension.class)
class AdminApiHostileIT {

    private static final String TOKEN = "adm-5f3c9e1a7b2d-hostile-suite-token";
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        SLACK.register(registry, "test-signing-secret");
        registry.add("bookbot.admin.token", () -> TOKEN);
    }

    @AfterAll
    static void stopSlack() throws IOException {
        SLACK.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    Topology topology;
    @Autowired
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Tomcat refuses a header this big (over 8 KB) with a 400 before any filter runs. */
    private static final String OVERSIZED = "Bearer " + "A".repeat(8192);

    private record Route(String method, String path, String body) {
    }

    @Test
    void everyRouteRefusesEveryWrongCredentialAndCountsIt(CapturedOutput output) throws Exception {
        // The gateway declares its topology when its first broker connection opens, which may come after this.
        admin.initialize();
        TestDeadLetters.discardAll(topology);
        String id = deadLetter();
        List<Route> routes = List.of(
                new Route("GET", "/admin/dead-letters", null),
                new Route("GET", "/admin/dead-letters?reason=401&stage=write", null),
                new Route("GET", "/admin/dead-letters/" + id, null),
                new Route("POST", "/admin/dead-letters/replay", "{\"all\":true}"),
                new Route("POST", "/admin/dead-letters/" + id + "/replay", "{}"),
                new Route("POST", "/admin/dead-letters/discard", "{\"all\":true,\"reason\":\"x\"}"),
                new Route("POST", "/admin/dead-letters/" + id + "/discard", "{\"reason\":\"x\"}"),
                new Route("GET", "/admin", null),
                new Route("GET", "/admin/anything-else", null),
                new Route("GET", "/admin/dead-letters?token=" + TOKEN, null),
                new Route("GET", "/admin/dead-letters?access_token=" + TOKEN, null));
        String basic = Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        List<String> credentials = new ArrayList<>();
        credentials.add(null);
        credentials.addAll(List.of("", "Bearer", "Bearer ", "Bearer wrong-token", "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.substring(0, TOKEN.length() - 1), "Bearer " + TOKEN.toUpperCase(), "Basic " + basic,
                TOKEN, "Token " + TOKEN, OVERSIZED, "Bearer \u00e9\u00e8"));
        double refusedBefore = refusedCount();

        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Route route : routes) {
            for (String authorization : credentials) {
                tried++;
                HttpResponse<String> answer = send(route, authorization);
                int expected = OVERSIZED.equals(authorization) ? 400 : 401;
                if (answer.statusCode() != expected || answer.body().contains(TOKEN)
                        || answer.body().contains("Exception")) {
                    failures.add(route.method() + " " + route.path() + " with " + abbreviate(authorization) + " → "
                            + answer.statusCode() + " " + answer.body());
                }
            }
        }
        System.out.printf("hostile inputs tried at /admin/*: %d (%d routes × %d credentials)%n", tried, routes.size(),
                credentials.size());

        assertThat(failures).as("answers other than a clean 401").isEmpty();
        assertThat(readyDeadLetters()).as("nothing replayed or discarded").isEqualTo(1);
        assertThat(refusedCount() - refusedBefore).as("bookbot_admin_refused_total (the web server refused the "
                + "oversized header itself)").isEqualTo(tried - routes.size());
        assertThat(output.getAll()).as("log lines").doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 20))
                .doesNotContain(basic).contains("admin API refused");
    }

    private HttpResponse<String> send(Route route, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route.path()))
                .method(route.method(), route.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(route.body()))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double refusedCount() {
        return registry.find("bookbot.admin.refused").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private String deadLetter() {
        String id = "0123456789ab";
        TestDeadLetters.add(topology,
                DeadLetterMessages.fromWriter(Jobs.submitted(), id, "notion-unauthorized", "Notion answered 401"));
        return id;
    }

    private int readyDeadLetters() {
        return TestDeadLetters.count(topology);
    }

    private static String abbreviate(String text) {
        return text == null ? "(none)" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

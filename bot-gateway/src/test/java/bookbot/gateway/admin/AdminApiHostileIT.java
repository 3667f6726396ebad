package bookbot.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
    private static final String DEAD_LETTER_ID = "0123456789ab";
    private static final String BASIC = Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    /** Tomcat refuses a header this big (over 8 KB) with a 400 before any filter runs. */
    private static final String OVERSIZED = "Bearer " + "A".repeat(8192);
    private static final FakeSlackWebApi SLACK = FakeSlackWebApi.start();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        SLACK.register(registry, "test-signing-secret");
        registry.add("bookbot.admin.token", () -> TOKEN);
    }

    /** The one dead letter every case tries to replay, discard or read. */
    @BeforeAll
    static void oneDeadLetter(@Autowired AmqpAdmin admin, @Autowired Topology topology) {
        // The gateway declares its topology when its first broker connection opens, which may come after this.
        admin.initialize();
        TestDeadLetters.discardAll(topology);
        TestDeadLetters.add(topology, DeadLetterMessages.fromWriter(Jobs.submitted(), DEAD_LETTER_ID,
                "notion-unauthorized", "Notion answered 401"));
    }

    @AfterAll
    static void stopSlack() throws IOException {
        SLACK.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    Topology topology;
    @Autowired
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Route(String method, String path, String body) {

        boolean acts() {
            return method.equals("POST");
        }
    }

    static Stream<Arguments> routesAndWrongCredentials() {
        List<Named<Route>> routes = List.of(
                named("GET /admin/dead-letters", new Route("GET", "/admin/dead-letters", null)),
                named("GET /admin/dead-letters?reason=401&stage=write",
                        new Route("GET", "/admin/dead-letters?reason=401&stage=write", null)),
                named("GET /admin/dead-letters/{id}", new Route("GET", "/admin/dead-letters/" + DEAD_LETTER_ID, null)),
                named("POST /admin/dead-letters/replay (all)",
                        new Route("POST", "/admin/dead-letters/replay", "{\"all\":true}")),
                named("POST /admin/dead-letters/{id}/replay",
                        new Route("POST", "/admin/dead-letters/" + DEAD_LETTER_ID + "/replay", "{}")),
                named("POST /admin/dead-letters/discard (all)",
                        new Route("POST", "/admin/dead-letters/discard", "{\"all\":true,\"reason\":\"x\"}")),
                named("POST /admin/dead-letters/{id}/discard",
                        new Route("POST", "/admin/dead-letters/" + DEAD_LETTER_ID + "/discard", "{\"reason\":\"x\"}")),
                named("GET /admin", new Route("GET", "/admin", null)),
                named("GET /admin/anything-else", new Route("GET", "/admin/anything-else", null)),
                named("GET /admin/dead-letters?token=<the token>",
                        new Route("GET", "/admin/dead-letters?token=" + TOKEN, null)),
                named("GET /admin/dead-letters?access_token=<the token>",
                        new Route("GET", "/admin/dead-letters?access_token=" + TOKEN, null)));
        List<Named<String>> credentials = List.of(
                named("no Authorization header", null),
                named("an empty Authorization header", ""),
                named("Bearer", "Bearer"),
                named("Bearer and a space", "Bearer "),
                named("Bearer wrong-token", "Bearer wrong-token"),
                named("Bearer <the token>x", "Bearer " + TOKEN + "x"),
                named("Bearer <the token less its last character>", "Bearer " + TOKEN.substring(0, TOKEN.length() - 1)),
                named("Bearer <THE TOKEN>", "Bearer " + TOKEN.toUpperCase()),
                named("Basic admin:<the token>", "Basic " + BASIC),
                named("<the token> alone", TOKEN),
                named("Token <the token>", "Token " + TOKEN),
                named("Bearer and 8 KB", OVERSIZED),
                named("Bearer éè", "Bearer \u00e9\u00e8"));
        return routes.stream().flatMap(route -> credentials.stream().map(authorization -> arguments(route, authorization)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("routesAndWrongCredentials")
    void isRefusedCountedAndLeavesNoTrace(Route route, String authorization, CapturedOutput output) throws Exception {
        double refusedBefore = refusedCount();

        HttpResponse<String> answer = send(route, authorization);

        if (OVERSIZED.equals(authorization)) {
            assertThat(answer.statusCode()).as("the web server refuses the header itself").isEqualTo(400);
            assertThat(refusedCount() - refusedBefore).as("bookbot_admin_refused_total").isZero();
        } else {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(refusedCount() - refusedBefore).as("bookbot_admin_refused_total").isEqualTo(1);
            assertThat(output.getAll()).contains("admin API refused");
        }
        assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain("Exception");
        assertThat(output.getAll()).as("log lines").doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 20))
                .doesNotContain(BASIC);
        if (route.acts()) {
            assertThat(TestDeadLetters.count(topology)).as("open dead letters: nothing replayed or discarded")
                    .isEqualTo(1);
        }
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
}

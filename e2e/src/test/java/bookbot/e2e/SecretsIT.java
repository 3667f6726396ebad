package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.KnobChange;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.Service;
import bookbot.sandbox.launch.ServiceProcess;

/**
 * The secrets door: with real-looking credentials, the services run through the paths where secrets leak in
 * careless code — every API refusing its token, wrong admin tokens, books dead-lettered — and then no log line,
 * no dead letter (headers or body), no admin API answer and no Actuator endpoint holds any of the secrets.
 */
class SecretsIT {

    private static final String ADMIN_TOKEN = "adm-9b1f5d7c3e2a4f6081b3d5e7f9a1c3e5";
    private static final List<String> SECRETS = List.of(PipelineSettings.SLACK_BOT_TOKEN,
            PipelineSettings.SLACK_SIGNING_SECRET, PipelineSettings.OPENGRAPH_APP_ID, PipelineSettings.NOTION_TOKEN,
            ADMIN_TOKEN);
    private static final List<String> ACTUATOR = List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
            "/actuator/info", "/actuator/prometheus", "/actuator/env", "/actuator/configprops", "/actuator/heapdump",
            "/actuator/threaddump", "/actuator/beans", "/actuator/loggers", "/actuator/mappings");
    private static final List<String> NOT_EXPOSED = List.of("/actuator/env", "/actuator/configprops",
            "/actuator/heapdump", "/actuator/threaddump", "/actuator/beans", "/actuator/loggers", "/actuator/mappings");

    static TestPipeline pipeline;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startPipelineAndProvokeEveryRefusal() throws Exception {
        pipeline = TestPipeline.start(Map.of("BOOKBOT_ADMIN_TOKEN", ADMIN_TOKEN, "BOOKBOT_WORKER_MAX_ATTEMPTS", "2"));
        provokeEveryRefusal();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** Every place a secret could land after the provocations, each a case of its own. */
    static Stream<Named<Place>> places() {
        List<Named<Place>> places = new ArrayList<>();
        places.add(Named.of("the dead letters (headers and body)", () -> await().atMost(Duration.ofSeconds(30))
                .until(pipeline::deadLetters, letters -> letters.size() >= 2).stream()
                .map(message -> message.getMessageProperties().getHeaders() + " "
                        + new String(message.getBody(), StandardCharsets.UTF_8))
                .reduce("", String::concat)));
        for (Service service : List.of(Service.GATEWAY, Service.ENRICH_WORKER, Service.NOTION_WRITER)) {
            ServiceProcess process = pipeline.process(service);
            places.add(Named.of(process.name() + "'s log", () -> Files.readString(process.log(), StandardCharsets.UTF_8)));
            for (String path : ACTUATOR) {
                places.add(Named.of(process.name() + " " + path, () -> get(process.managementUrl() + path, null).body()));
            }
        }
        places.add(Named.of("the admin API's listing", () -> get(pipeline.process(Service.GATEWAY).url()
                + "/admin/dead-letters", "Bearer " + ADMIN_TOKEN).body()));
        return places.stream();
    }

    @ParameterizedTest(name = "no secret in {0}")
    @MethodSource("places")
    void noSecretReachesIt(Place place) throws Exception {
        String text = place.read();

        assertThat(SECRETS).as("secrets found").noneMatch(secret -> text != null && text.contains(secret));
    }

    @Test
    void theRevokedTokensKilledBooks() {
        assertThat(await().atMost(Duration.ofSeconds(30)).until(pipeline::deadLetters, letters -> letters.size() >= 2))
                .as("books killed by the revoked tokens").hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0} is not exposed")
    @MethodSource("notExposed")
    void endpointsThatShowConfigurationAreNotExposed(Service service, String path) throws Exception {
        assertThat(get(pipeline.process(service).managementUrl() + path, null).statusCode()).isEqualTo(404);
    }

    static Stream<Arguments> notExposed() {
        return Stream.of(Service.GATEWAY, Service.ENRICH_WORKER, Service.NOTION_WRITER)
                .flatMap(service -> NOT_EXPOSED.stream().map(path -> Arguments.of(service, path)));
    }

    @ParameterizedTest(name = "the gateway's public port serves no {0}")
    @MethodSource("actuatorPaths")
    void theGatewaysPublicPortServesNoActuator(String path) throws Exception {
        assertThat(get(pipeline.process(Service.GATEWAY).url() + path, null).statusCode()).isEqualTo(404);
    }

    static Stream<String> actuatorPaths() {
        return ACTUATOR.stream();
    }

    /** Where a secret could land: a log, an endpoint's answer, the dead letters. */
    @FunctionalInterface
    interface Place {
        String read() throws Exception;
    }

    /** Every API refuses its credential once, and the admin API is tried with wrong tokens. */
    private static void provokeEveryRefusal() throws Exception {
        String gateway = pipeline.process(Service.GATEWAY).url();
        pipeline.member("U0ALICE").shareBook("/book", new FormValues("https://ridibooks.com/books/4200000001",
                "소설::SF", "A good one.", null));

        int killed = 0;
        for (Fake api : List.of(Fake.OPENGRAPH, Fake.NOTION)) {
            pipeline.sandbox.change(api, KnobChange.of().failAuth(true));
            String link = "https://ridibooks.com/books/42000001" + api.path().length();
            pipeline.member("U0ALICE").shareBook("/book", new FormValues(link, "소설::SF", "Revoked " + api.path(), null));
            int expected = ++killed;
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLetteredLines() >= expected);
            pipeline.sandbox.change(api, KnobChange.of().failAuth(false));
        }

        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().failAuth(true));
        pipeline.gateway.send(pipeline.slack.slashCommand("/book", "U0ALICE", "C0BOOKS", "trigger-revoked-slack"));
        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().failAuth(false));

        for (String wrong : List.of("Bearer " + ADMIN_TOKEN + "0", "Bearer " + ADMIN_TOKEN.substring(4), ADMIN_TOKEN)) {
            assertThat(get(gateway + "/admin/dead-letters", wrong).statusCode()).isEqualTo(401);
        }
    }

    private static long deadLetteredLines() throws IOException {
        long lines = 0;
        for (Service worker : List.of(Service.ENRICH_WORKER, Service.NOTION_WRITER)) {
            lines += Files.readAllLines(pipeline.process(worker).log(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("dead-lettered after")).count();
        }
        return lines;
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

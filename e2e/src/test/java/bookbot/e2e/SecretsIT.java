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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.sandbox.client.FormValues;
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
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPipeline() {
        pipeline = TestPipeline.start(Map.of("BOOKBOT_ADMIN_TOKEN", ADMIN_TOKEN, "BOOKBOT_WORKER_MAX_ATTEMPTS", "2"));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void noSecretReachesALogADeadLetterOrAnEndpoint() throws Exception {
        int provocations = provokeEveryRefusal();
        List<String> leaks = new ArrayList<>();
        int places = 0;

        List<Message> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(pipeline::deadLetters, letters -> letters.size() >= 2);
        assertThat(deadLetters).as("books killed by the revoked tokens").hasSizeGreaterThanOrEqualTo(2);
        for (Message message : deadLetters) {
            places++;
            check("dead letter " + message.getMessageProperties().getMessageId(),
                    message.getMessageProperties().getHeaders() + " " + new String(message.getBody(), StandardCharsets.UTF_8),
                    leaks);
        }
        for (Service service : List.of(Service.GATEWAY, Service.ENRICH_WORKER, Service.NOTION_WRITER)) {
            ServiceProcess process = pipeline.process(service);
            places++;
            check(process.name() + " log", Files.readString(process.log(), StandardCharsets.UTF_8), leaks);
            for (String path : ACTUATOR) {
                places++;
                HttpResponse<String> answer = get(process.managementUrl() + path, null);
                if (NOT_EXPOSED.contains(path)) {
                    assertThat(answer.statusCode()).as(process.name() + " " + path + " must not be exposed").isEqualTo(404);
                }
                check(process.name() + " " + path, answer.body(), leaks);
            }
        }
        String publicGateway = pipeline.process(Service.GATEWAY).url();
        for (String path : ACTUATOR) {
            assertThat(get(publicGateway + path, null).statusCode()).as("the gateway's public port serves no " + path)
                    .isEqualTo(404);
        }
        places++;
        check("admin API listing", get(pipeline.process(Service.GATEWAY).url() + "/admin/dead-letters",
                "Bearer " + ADMIN_TOKEN).body(), leaks);
        System.out.printf("hostile inputs tried at the secrets door: %d provocations, %d places searched for %d secrets%n",
                provocations, places, SECRETS.size());

        assertThat(leaks).isEmpty();
    }

    /** Every API refuses its credential once, and the admin API is tried with wrong tokens. */
    private int provokeEveryRefusal() throws Exception {
        int provocations = 0;
        String gateway = pipeline.process(Service.GATEWAY).url();
        pipeline.member("U0ALICE").shareBook("/book", new FormValues("https://ridibooks.com/books/4200000001",
                "소설::SF", "A good one.", null));
        provocations++;

        int killed = 0;
        for (Fake api : List.of(Fake.OPENGRAPH, Fake.NOTION)) {
            pipeline.sandbox.change(api, KnobChange.of().failAuth(true));
            String link = "https://ridibooks.com/books/42000001" + api.path().length();
            pipeline.member("U0ALICE").shareBook("/book", new FormValues(link, "소설::SF", "Revoked " + api.path(), null));
            provocations++;
            int expected = ++killed;
            await().atMost(Duration.ofSeconds(60)).until(() -> deadLetteredLines() >= expected);
            pipeline.sandbox.change(api, KnobChange.of().failAuth(false));
        }

        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().failAuth(true));
        pipeline.gateway.send(pipeline.slack.slashCommand("/book", "U0ALICE", "C0BOOKS", "trigger-revoked-slack"));
        provocations++;
        pipeline.sandbox.change(Fake.SLACK, KnobChange.of().failAuth(false));

        for (String wrong : List.of("Bearer " + ADMIN_TOKEN + "0", "Bearer " + ADMIN_TOKEN.substring(4), ADMIN_TOKEN)) {
            assertThat(get(gateway + "/admin/dead-letters", wrong).statusCode()).isEqualTo(401);
            provocations++;
        }
        return provocations;
    }

    private static long deadLetteredLines() throws IOException {
        long lines = 0;
        for (Service worker : List.of(Service.ENRICH_WORKER, Service.NOTION_WRITER)) {
            lines += Files.readAllLines(pipeline.process(worker).log(), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("dead-lettered after")).count();
        }
        return lines;
    }

    private static void check(String place, String text, List<String> leaks) {
        for (String secret : SECRETS) {
            if (text != null && text.contains(secret)) {
                leaks.add(place + " contains " + secret.substring(0, 6) + "…");
            }
        }
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

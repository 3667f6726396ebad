package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.Service;
import bookbot.sandbox.launch.ServiceProcess;

/**
 * What an operator sees of the running services: health probes, Prometheus metrics, logs that follow one job,
 * and the Notion set-up commands with the writer's start-up check. Real jars, real broker, the sandbox.
 */
class OperationsIT {

    private static final Pattern TRACE_AND_JOB = Pattern.compile("\\[([0-9a-f]{32}) ([0-9a-f-]{36})]");

    static TestPipeline pipeline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startPipeline() {
        pipeline = TestPipeline.start(Map.of("BOOKBOT_METRICS_QUEUE_DEPTH_INTERVAL", "1s"));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyServiceIsLiveAndReadyWithTheBrokerInItsReadiness() {
        assertThat(get(pipeline.process(Service.GATEWAY), "/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> gateway = get(pipeline.process(Service.GATEWAY), "/actuator/health/readiness");
        assertThat(gateway.statusCode()).isEqualTo(200);
        assertThat(gateway.body()).contains("\"rabbit\"", "\"publishing\"").doesNotContain("DOWN");

        for (Service worker : List.of(Service.ENRICH_WORKER, Service.NOTION_WRITER)) {
            assertThat(get(pipeline.process(worker), "/actuator/health/liveness").statusCode()).isEqualTo(200);
            HttpResponse<String> readiness = get(pipeline.process(worker), "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(worker.module()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"rabbit\"", "\"consumers\"").doesNotContain("DOWN");
        }
    }

    @Test
    void aSavedBookShowsInTheMetricsOfEveryService() {
        String link = "https://ridibooks.com/books/4100000001";
        pipeline.member("U0ALICE").shareBook("/book", new FormValues(link, "소설::SF", "Worth it.", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> !pipeline.pagesFor(link).isEmpty());
        String ns = pipeline.namespace;

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape gateway = scrape(Service.GATEWAY);
            assertThat(gateway.sum("bookbot_jobs_accepted_total", Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(gateway.sum("bookbot_external_call_seconds_count",
                    Map.of("api", "slack", "operation", "views.open", "status", "200"))).isGreaterThanOrEqualTo(1);

            PrometheusScrape enrich = scrape(Service.ENRICH_WORKER);
            assertThat(enrich.sum("bookbot_jobs_completed_total", Map.of("stage", "enrich"))).isGreaterThanOrEqualTo(1);
            assertThat(enrich.sum("bookbot_stage_duration_seconds_count", Map.of("stage", "enrich", "outcome", "completed")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(enrich.has("bookbot_stage_duration_seconds_bucket", Map.of("stage", "enrich"))).isTrue();
            assertThat(enrich.sum("bookbot_external_call_seconds_count",
                    Map.of("api", "opengraph", "operation", "site", "status", "200"))).isGreaterThanOrEqualTo(1);
            assertThat(enrich.has("bookbot_jobs_in_flight", Map.of("stage", "enrich"))).isTrue();
            assertThat(enrich.sum("bookbot_queue_consumers", Map.of("queue", ns + ".submitted"))).isEqualTo(2);
            assertThat(enrich.has("bookbot_queue_messages", Map.of("queue", ns + ".enriched"))).isTrue();

            PrometheusScrape writer = scrape(Service.NOTION_WRITER);
            assertThat(writer.sum("bookbot_jobs_completed_total", Map.of("stage", "write"))).isGreaterThanOrEqualTo(1);
            assertThat(writer.sum("bookbot_job_end_to_end_seconds_count", Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(writer.has("bookbot_job_end_to_end_seconds_bucket", Map.of())).isTrue();
            assertThat(writer.sum("bookbot_external_call_seconds_count",
                    Map.of("api", "notion", "operation", "pages.create", "status", "200"))).isGreaterThanOrEqualTo(1);
            assertThat(writer.sum("bookbot_external_call_seconds_count",
                    Map.of("api", "slack", "operation", "chat.postMessage", "status", "200"))).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void retriesAndDeadLettersAreCountedPerStageAndReason() {
        pipeline.sandbox.failNext(Fake.OPENGRAPH, 1);
        pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(true));
        try {
            String link = "https://ridibooks.com/books/4100000002";
            pipeline.member("U0ALICE").shareBook("/book", new FormValues(link, "소설::SF", "Worth it.", null));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(scrape(Service.ENRICH_WORKER).sum("bookbot_jobs_retried_total", Map.of("stage", "enrich")))
                        .isGreaterThanOrEqualTo(1);
                assertThat(scrape(Service.NOTION_WRITER).sum("bookbot_jobs_dead_lettered_total",
                        Map.of("stage", "write", "reason", "notion-unauthorized"))).isGreaterThanOrEqualTo(1);
                assertThat(scrape(Service.NOTION_WRITER).sum("bookbot_external_call_seconds_count",
                        Map.of("api", "notion", "status", "401"))).isGreaterThanOrEqualTo(1);
            });
        } finally {
            pipeline.sandbox.change(Fake.NOTION, KnobChange.of().failAuth(false));
        }
    }

    @Test
    void oneGrepOfTheTraceIdFindsTheJobInTheLogsOfAllThreeServices() throws IOException {
        String link = "https://ridibooks.com/books/4100000003";
        pipeline.member("U0ALICE").shareBook("/book", new FormValues(link, "소설::SF", "Worth it.", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> !pipeline.pagesFor(link).isEmpty());

        String queued = linesOf(pipeline.process(Service.GATEWAY)).stream()
                .filter(line -> line.contains("queued") && line.contains(link)).findFirst().orElseThrow();
        Matcher ids = TRACE_AND_JOB.matcher(queued);
        assertThat(ids.find()).as("trace and job id on: " + queued).isTrue();
        String traceId = ids.group(1);
        String jobId = ids.group(2);
        assertThat(queued).contains("job " + jobId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(grep(Service.ENRICH_WORKER, traceId)).anyMatch(line -> line.contains("enrich done"))
                    .allMatch(line -> line.contains(jobId));
            assertThat(grep(Service.NOTION_WRITER, traceId)).anyMatch(line -> line.contains("page"))
                    .anyMatch(line -> line.contains("write done")).allMatch(line -> line.contains(jobId));
        });
    }

    @Test
    void notionSetupCreatesADatabaseThatNotionCheckAccepts() {
        TestPipeline.CommandResult setup = pipeline.adminCli("notion", "setup", "--parent",
                "https://www.notion.so/Book-club-" + PipelineSettings.NOTION_PARENT_PAGE_ID.replace("-", ""));
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        Matcher id = Pattern.compile("NOTION_DATABASE_ID=([0-9a-f-]{36})").matcher(setup.out());
        assertThat(id.find()).as(setup.out()).isTrue();

        TestPipeline.CommandResult check = pipeline.adminCli("notion", "check", "--database", id.group(1));
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("has every property bookbot writes");
    }

    @Test
    void aDatabaseWithoutJobIdIsRefusedByNotionCheckAndByAStartingWriter() {
        String id = pipeline.sandbox.createNotionDatabase(PipelineSettings.NOTION_TOKEN,
                PipelineSettings.NOTION_PARENT_PAGE_ID, "Books, made by hand", Map.of("title", "title", "URL", "url",
                        "category", "multi_select", "recommender", "rich_text", "recommend reason", "rich_text",
                        "recommended at", "rich_text"));

        TestPipeline.CommandResult check = pipeline.adminCli("notion", "check", "--database", id);
        assertThat(check.exitCode()).isEqualTo(5);
        assertThat(check.err()).contains("missing property \"Job ID\" (rich_text)",
                "property \"recommended at\" is rich_text, expected date");

        assertThatThrownBy(() -> pipeline.startAnother(Service.NOTION_WRITER, Map.of("NOTION_DATABASE_ID", id)))
                .hasMessageContaining("exited with 1 while starting")
                .hasMessageContaining("missing property \"Job ID\"")
                .hasMessageContaining("bookbot-admin notion check");
    }

    private List<String> grep(Service service, String text) throws IOException {
        return linesOf(pipeline.process(service)).stream().filter(line -> line.contains(text)).toList();
    }

    private static List<String> linesOf(ServiceProcess process) throws IOException {
        return Files.readAllLines(process.log(), StandardCharsets.UTF_8);
    }

    private PrometheusScrape scrape(Service service) {
        HttpResponse<String> response = get(pipeline.process(service), "/actuator/prometheus");
        assertThat(response.statusCode()).as(service.module() + " /actuator/prometheus").isEqualTo(200);
        return new PrometheusScrape(response.body());
    }

    private HttpResponse<String> get(ServiceProcess process, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(process.managementUrl() + path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(process.name() + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

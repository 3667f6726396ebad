package bookbot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import bookbot.sandbox.launch.PipelineSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BENCHMARK BASELINE, not part of bookbot: the design the original bot abandoned. It answers Slack's
 * view_submission only after doing the slow part inside the request — OpenGraph.io, users.info, the Notion query
 * and page, chat.postMessage — against the same sandbox, with a servlet container's usual pool of 200 request
 * threads.
 */
final class InlineGateway implements AutoCloseable {

    static final int REQUEST_THREADS = 200;
    private static final String NOTION_VERSION = "2022-06-28";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(REQUEST_THREADS);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SlackSignature.Verifier verifier;
    private final String sandbox;

    InlineGateway(String sandboxUrl, String signingSecret) throws IOException {
        this.sandbox = sandboxUrl;
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        server.createContext("/slack/events", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
            String signature = exchange.getRequestHeaders().getFirst(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
            if (timestamp == null || signature == null || !verifier.isValid(timestamp, body, signature)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode payload = json.readTree(URLDecoder.decode(body.substring(body.indexOf("payload=") + 8), StandardCharsets.UTF_8));
            String user = payload.path("user").path("id").asString();
            String link = payload.path("view").path("state").path("values").path("book_link").path("value").path("value").asString();
            archiveInline(user, link);
            exchange.sendResponseHeaders(200, -1);
        } catch (IOException | InterruptedException | RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void archiveInline(String user, String link) throws IOException, InterruptedException {
        String jobId = UUID.randomUUID().toString();
        send(HttpRequest.newBuilder(URI.create(sandbox + "/opengraph/api/1.1/site/"
                + URLEncoder.encode(link, StandardCharsets.UTF_8) + "?app_id=" + PipelineSettings.OPENGRAPH_APP_ID)).GET());
        send(slack("users.info", "user=" + user));
        send(notion("/databases/" + PipelineSettings.NOTION_DATABASE_ID + "/query", Map.of("filter",
                Map.of("property", "Job ID", "rich_text", Map.of("equals", jobId)))));
        send(notion("/pages", Map.of("parent", Map.of("database_id", PipelineSettings.NOTION_DATABASE_ID),
                "properties", Map.of(
                        "title", Map.of("title", List.of(Map.of("text", Map.of("content", link)))),
                        "URL", Map.of("url", link),
                        "Job ID", Map.of("rich_text", List.of(Map.of("text", Map.of("content", jobId))))))));
        send(slack("chat.postMessage", "channel=C0BOOKS&text=" + URLEncoder.encode(link, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder slack(String method, String form) {
        return HttpRequest.newBuilder(URI.create(sandbox + "/slack/api/" + method))
                .header("Authorization", "Bearer " + PipelineSettings.SLACK_BOT_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private HttpRequest.Builder notion(String path, Object body) {
        return HttpRequest.newBuilder(URI.create(sandbox + "/notion/v1" + path))
                .header("Authorization", "Bearer " + PipelineSettings.NOTION_TOKEN)
                .header("Notion-Version", NOTION_VERSION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    }

    private void send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.build().uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

package bookbot.sandbox.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads back what the sandbox's fakes received, and turns their knobs, over the sandbox's HTTP control API. */
public class SandboxClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public SandboxClient(URI base) {
        this.base = base;
    }

    public String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }

    /** The club database's pages as a member sees them: the ones in the trash (archived) left out. */
    public List<Map<String, Object>> notionPages() {
        return notionPagesFrom(0).stream().filter(page -> !new NotionPageView(page).archived()).toList();
    }

    /** The pages created after the first {@code from}, in creation order, archived ones included. */
    public List<Map<String, Object>> notionPagesFrom(int from) {
        return get("/_sandbox/notion/pages?from=" + from, new TypeReference<>() { });
    }

    public List<Map<String, Object>> slackMessages() {
        return get("/_sandbox/slack/messages", new TypeReference<>() { });
    }

    /** Messages only one member saw (chat.postEphemeral). */
    public List<Map<String, Object>> slackEphemeralMessages() {
        return get("/_sandbox/slack/ephemeral", new TypeReference<>() { });
    }

    public List<Map<String, Object>> slackViews() {
        return get("/_sandbox/slack/views", new TypeReference<>() { });
    }

    /** Each member's Home tab as last published (views.publish), by user id. */
    public Map<String, Map<String, Object>> slackHomeViews() {
        return get("/_sandbox/slack/home", new TypeReference<>() { });
    }

    /**
     * Adds a page to a database of the fake Notion through Notion's own API, with properties as Notion takes them
     * ({@code {"title": {"title": [...]}}}): for tests that need pages bookbot did not write, with dates of their
     * choosing.
     *
     * @return the page as Notion answered it
     */
    public Map<String, Object> createNotionPage(String token, String databaseId, Map<String, Object> properties) {
        Map<String, Object> body = Map.of("parent", Map.of("database_id", databaseId), "properties", properties);
        String answer = send(HttpRequest.newBuilder(base.resolve("/notion/v1/pages")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Notion-Version", "2022-06-28")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        return json.readValue(answer, new TypeReference<Map<String, Object>>() { });
    }

    /** @return calls per fake ("SLACK", "OPENGRAPH", "NOTION") by outcome: calls, answered, rate-limited, … */
    public Map<String, Map<String, Long>> stats() {
        return get("/_sandbox/stats", new TypeReference<>() { });
    }

    /** Changes the knobs {@code change} names on one fake; the others keep their value. */
    public void change(Fake fake, KnobChange change) {
        post("/_sandbox/knobs/" + fake.path(), json.writeValueAsString(change.asMap()));
    }

    /** The next {@code calls} calls to that fake are answered with a 5xx. */
    public void failNext(Fake fake, int calls) {
        post("/_sandbox/fail-next/" + fake.path() + "?calls=" + calls, "{}");
    }

    /**
     * Creates a database in the fake Notion as a person could in Notion's UI, with any properties (name → type,
     * e.g. "URL" → "url"), through Notion's own API; for tests of databases bookbot did not make.
     *
     * @return the new database's id
     */
    public String createNotionDatabase(String token, String parentPageId, String title, Map<String, String> schema) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        schema.forEach((name, type) -> properties.put(name, Map.of(type, Map.of())));
        Map<String, Object> body = Map.of(
                "parent", Map.of("type", "page_id", "page_id", parentPageId),
                "title", List.of(Map.of("type", "text", "text", Map.of("content", title))),
                "properties", properties);
        String answer = send(HttpRequest.newBuilder(base.resolve("/notion/v1/databases")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Notion-Version", "2022-06-28")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        return (String) json.readValue(answer, new TypeReference<Map<String, Object>>() { }).get("id");
    }

    public void reset() {
        post("/_sandbox/reset", "{}");
    }

    private <T> T get(String path, TypeReference<T> type) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return json.readValue(send(request), type);
    }

    private void post(String path, String body) {
        send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("sandbox unreachable at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

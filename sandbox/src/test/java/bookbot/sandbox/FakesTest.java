package bookbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.sandbox.client.SandboxClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fakes answer the way the real services do, and their knobs change that as documented. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.slack-token=xoxb-t", "sandbox.opengraph-app-id=og", "sandbox.notion-token=secret_n",
        "sandbox.notion-database-id=db-1"})
class FakesTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private SandboxClient sandbox;

    @BeforeEach
    void reset() {
        sandbox = new SandboxClient(URI.create(base()));
        sandbox.reset();
    }

    @Test
    void openGraphServesTheCorpusByItsUrlEncodedLinkAndRefusesABadAppId() throws Exception {
        String link = URLEncoder.encode("https://ridibooks.com/books/1354000126", StandardCharsets.UTF_8);

        HttpResponse<String> ok = get("/opengraph/api/1.1/site/" + link + "?app_id=og", Map.of());
        HttpResponse<String> refused = get("/opengraph/api/1.1/site/" + link + "?app_id=wrong", Map.of());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ok.body()).at("/hybridGraph/image").asString())
                .isEqualTo("https://img.ridicdn.net/cover/1354000126/xxlarge#1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("INVALID_APP_ID");
    }

    @Test
    void notionStoresAValidPageAndFindsItByJobId() throws Exception {
        HttpResponse<String> created = notion("/notion/v1/pages", """
                {"parent":{"database_id":"db-1"},"properties":{
                  "title":{"title":[{"text":{"content":"Book"}}]},
                  "Job ID":{"id":"random","rich_text":[{"text":{"content":"job-1"}}]}}}""");
        HttpResponse<String> found = notion("/notion/v1/databases/db-1/query",
                "{\"filter\":{\"property\":\"Job ID\",\"rich_text\":{\"equals\":\"job-1\"}},\"page_size\":1}");
        HttpResponse<String> none = notion("/notion/v1/databases/db-1/query",
                "{\"filter\":{\"property\":\"Job ID\",\"rich_text\":{\"equals\":\"job-2\"}}}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(created.body());
        assertThat(page.get("object").asString()).isEqualTo("page");
        assertThat(page.at("/properties/title/type").asString()).isEqualTo("title");
        assertThat(json.readTree(found.body()).at("/results/0/id").asString()).isEqualTo(page.get("id").asString());
        assertThat(json.readTree(none.body()).get("results").size()).isZero();
        assertThat(sandbox.notionPages()).hasSize(1);
    }

    @Test
    void notionRefusesPropertiesTheDatabaseDoesNotHave() throws Exception {
        HttpResponse<String> refused = notion("/notion/v1/pages",
                "{\"parent\":{\"database_id\":\"db-1\"},\"properties\":{\"Author\":{\"rich_text\":[]}}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("validation_error");
        assertThat(json.readTree(refused.body()).get("message").asString()).contains("Author is not a property");
    }

    @Test
    void knobsInjectRateLimitsWithRetryAfterAndRevokedTokens() throws Exception {
        sandbox.change(Fake.NOTION, KnobChange.of().rateLimitRate(1.0).retryAfterSeconds(7));
        HttpResponse<String> limited = notion("/notion/v1/databases/db-1", null);
        sandbox.change(Fake.NOTION, KnobChange.of().rateLimitRate(0.0).failAuth(true));
        HttpResponse<String> revoked = notion("/notion/v1/databases/db-1", null);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(json.readTree(limited.body()).get("code").asString()).isEqualTo("rate_limited");
        assertThat(revoked.statusCode()).isEqualTo(401);
    }

    @Test
    void slackRecordsMessagesAndKnowsItsMembers() throws Exception {
        HttpResponse<String> posted = slack("chat.postMessage", "channel=C1&text=hello");
        HttpResponse<String> member = slack("users.info", "user=U0SEOYEON");
        HttpResponse<String> stranger = slack("users.info", "user=U404");
        HttpResponse<String> withLocale = slack("users.info", "user=U0SEOYEON&include_locale=1");

        assertThat(json.readTree(posted.body()).get("ok").asBoolean()).isTrue();
        assertThat(sandbox.slackMessages()).singleElement().satisfies(m -> assertThat(m.get("text")).isEqualTo("hello"));
        assertThat(json.readTree(member.body()).at("/user/profile/real_name").asString()).isEqualTo("이서연");
        assertThat(json.readTree(stranger.body()).get("error").asString()).isEqualTo("user_not_found");
        assertThat(json.readTree(member.body()).at("/user/locale").isMissingNode()).as("only when asked").isTrue();
        assertThat(json.readTree(withLocale.body()).at("/user/locale").asString()).isEqualTo("ko-KR");
    }

    @Test
    void notionQueriesFilterByDateAndTextSortAndPage() throws Exception {
        for (String at : new String[] {"2026-10-20T00:00:00Z", "2026-09-30T23:00:00Z", "2026-10-01T00:00:00Z",
                "2026-11-01T00:00:00Z", "2026-10-05T00:00:00Z"}) {
            sandbox.createNotionPage("secret_n", "db-1", Map.of(
                    "title", Map.of("title", java.util.List.of(Map.of("text", Map.of("content", at)))),
                    "shared at", Map.of("rich_text", java.util.List.of(Map.of("text", Map.of("content", "x " + at)))),
                    "recommended at", Map.of("date", Map.of("start", at))));
        }
        String october = """
                {"filter":{"and":[{"property":"recommended at","date":{"on_or_after":"2026-10-01T00:00:00Z"}},
                {"property":"recommended at","date":{"before":"2026-11-01T00:00:00Z"}}]},
                "sorts":[{"property":"recommended at","direction":"ascending"}],"page_size":2%s}""";

        JsonNode first = json.readTree(notion("/notion/v1/databases/db-1/query", october.formatted("")).body());
        JsonNode second = json.readTree(notion("/notion/v1/databases/db-1/query",
                october.formatted(",\"start_cursor\":\"" + first.get("next_cursor").asString() + "\"")).body());
        JsonNode contains = json.readTree(notion("/notion/v1/databases/db-1/query", """
                {"filter":{"or":[{"property":"shared at","rich_text":{"contains":"2026-09"}},
                {"property":"shared at","rich_text":{"contains":"2026-11"}}]}}""").body());
        HttpResponse<String> unknown = notion("/notion/v1/databases/db-1/query",
                "{\"filter\":{\"property\":\"no such\",\"rich_text\":{\"equals\":\"x\"}}}");

        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("results").valueStream().map(page -> page.at("/properties/recommended at/date/start")
                .asString()).toList()).containsExactly("2026-10-01T00:00:00Z", "2026-10-05T00:00:00Z");
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(second.get("results").valueStream().map(page -> page.at("/properties/recommended at/date/start")
                .asString()).toList()).containsExactly("2026-10-20T00:00:00Z");
        assertThat(contains.get("results")).hasSize(2);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("code").asString()).isEqualTo("validation_error");
    }

    @Test
    void slackKeepsEachMembersPublishedHomeAndListsMessageMetadataWhenAsked() throws Exception {
        slack("views.publish", "user_id=U0ALICE&view=" + URLEncoder.encode(
                "{\"type\":\"home\",\"blocks\":[]}", StandardCharsets.UTF_8));
        slack("chat.postMessage", "channel=C1&text=digest&metadata=" + URLEncoder.encode(
                "{\"event_type\":\"bookbot_digest\",\"event_payload\":{\"month\":\"2026-10\"}}",
                StandardCharsets.UTF_8));

        JsonNode plain = json.readTree(slack("conversations.history", "channel=C1").body());
        JsonNode withMetadata = json.readTree(slack("conversations.history", "channel=C1&include_all_metadata=1").body());

        assertThat(sandbox.slackHomeViews()).containsOnlyKeys("U0ALICE");
        assertThat(plain.at("/messages/0/metadata").isMissingNode()).isTrue();
        assertThat(withMetadata.at("/messages/0/metadata/event_payload/month").asString()).isEqualTo("2026-10");
    }

    private HttpResponse<String> notion(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer secret_n").header("Notion-Version", "2022-06-28")
                .header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> slack(String method, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/slack/api/" + method))
                .header("Authorization", "Bearer xoxb-t")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}

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

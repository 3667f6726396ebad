package bookbot.enrich.opengraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The outbound door: a member's link only ever travels to OpenGraph.io, as one encoded path segment; bookbot
 * never fetches it. Links aimed at the machine itself, the cloud's metadata service, other schemes, or at
 * OpenGraph.io's own parameters all produce exactly one request, to the API, with the link intact inside
 * and the configured app id the only {@code app_id}. (The gateway refuses most of these links before they are
 * queued; this is the second line, for a club that allows any host.)
 */
class OpenGraphLinksHostileTest {

    private static final String APP_ID = "og-hostile-suite-app-id";

    private final MockWebServer openGraph = new MockWebServer();
    private final OpenGraphClient client = new OpenGraphClient(
            new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).followRedirects(true).build(),
            new OpenGraphSettings(APP_ID, openGraph.url("/api/1.1").toString(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            JsonMapper.builder().build());

    @AfterEach
    void stop() throws IOException {
        openGraph.shutdown();
    }

    static Stream<Named<String>> hostileLinks() {
        Stream<Named<String>> readable = Stream.of(
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://127.0.0.1:15672/api/users",
                "http://localhost:8080/admin/dead-letters",
                "http://[::1]:5672/",
                "http://10.0.0.1/",
                "http://0x7f000001/",
                "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_FLUSHALL",
                "javascript:alert(document.cookie)",
                "https://ridibooks.com/books/1?app_id=someone-elses-key",
                "https://ridibooks.com/books/1&app_id=someone-elses-key",
                "https://ridibooks.com/books/1#/../../admin",
                "../../../admin/dead-letters").map(link -> named(link, link));
        return Stream.concat(readable, Stream.of(
                named("a link with CR LF and a Host header after it", "https://ridibooks.com/books/1\r\nHost: evil.example"),
                named("a link with a 4,000-digit book id", "https://ridibooks.com/books/" + "9".repeat(4000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLinks")
    void goesToOpenGraphAsAParameterAndNowhereElse(String link) throws Exception {
        openGraph.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody("{\"hybridGraph\":{\"title\":\"T\"}}"));

        client.lookup(link);

        RecordedRequest request = openGraph.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request).as("a request to OpenGraph.io").isNotNull();
        HttpUrl url = request.getRequestUrl();
        assertThat(url.pathSegments()).hasSize(4).startsWith("api", "1.1", "site");
        assertThat(URLDecoder.decode(url.encodedPathSegments().get(3), StandardCharsets.UTF_8)).as("the link, whole")
                .isEqualTo(link);
        assertThat(url.queryParameterValues("app_id")).containsExactly(APP_ID);
        assertThat(url.querySize()).as("query parameters").isEqualTo(1);
        assertThat(openGraph.getRequestCount()).as("one request, to OpenGraph.io").isEqualTo(1);
    }
}

package bookbot.enrich.opengraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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
            new OpenGraphSettings(APP_ID, openGraph.url("/api/1.1").toString(), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    @AfterEach
    void stop() throws IOException {
        openGraph.shutdown();
    }

    @Test
    void everyLinkGoesToOpenGraphAsAParameterAndNowhereElse() throws Exception {
        List<String> links = List.of(
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
                "../../../admin/dead-letters",
                "https://ridibooks.com/books/1\r\nHost: evil.example",
                "https://ridibooks.com/books/" + "9".repeat(4000));
        List<String> failures = new ArrayList<>();
        for (String link : links) {
            openGraph.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody("{\"hybridGraph\":{\"title\":\"T\"}}"));
            client.lookup(link);
            RecordedRequest request = openGraph.takeRequest(1, TimeUnit.SECONDS);
            HttpUrl url = request == null ? null : request.getRequestUrl();
            boolean ok = url != null
                    && url.pathSegments().size() == 4
                    && url.pathSegments().subList(0, 3).equals(List.of("api", "1.1", "site"))
                    && URLDecoder.decode(url.encodedPathSegments().get(3), StandardCharsets.UTF_8).equals(link)
                    && url.queryParameterValues("app_id").equals(List.of(APP_ID))
                    && url.querySize() == 1;
            if (!ok) {
                failures.add(link + " → " + url);
            }
        }
        System.out.printf("hostile inputs tried at the outbound door (OpenGraph.io lookups): %d%n", links.size());

        assertThat(failures).as("links that went anywhere but into OpenGraph.io's path").isEmpty();
        assertThat(openGraph.getRequestCount()).as("one request per link, to OpenGraph.io").isEqualTo(links.size());
    }
}

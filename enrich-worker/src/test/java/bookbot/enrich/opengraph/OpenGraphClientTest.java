package bookbot.enrich.opengraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookMetadata;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

class OpenGraphClientTest {

    private static final String YES24 = "https://www.yes24.com/Product/Goods/106369008";

    private final MockWebServer server = new MockWebServer();
    private final OpenGraphClient client = new OpenGraphClient(
            new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build(),
            new OpenGraphSettings("og-key", server.url("/api/1.1").toString(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            JsonMapper.builder().build());

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void sendsTheLinkUrlEncodedAsOnePathSegmentWithTheAppId() throws Exception {
        server.enqueue(json(200, "{\"hybridGraph\":{\"title\":\"T\"}}"));

        BookMetadata book = client.lookup(YES24 + "?from=club&x=1");

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/api/1.1/site/"
                + "https%3A%2F%2Fwww.yes24.com%2FProduct%2FGoods%2F106369008%3Ffrom%3Dclub%26x%3D1?app_id=og-key");
        assertThat(book.title()).isEqualTo("T");
    }

    @Test
    void aWrongAppIdIsPermanent() {
        server.enqueue(json(401, "{\"error\":true,\"message\":\"Invalid App ID\",\"code\":\"INVALID_APP_ID\"}"));

        assertThatThrownBy(() -> client.lookup(YES24))
                .isInstanceOfSatisfying(PermanentFailure.class, e -> {
                    assertThat(e.reason()).isEqualTo("opengraph-unauthorized");
                    assertThat(e.getMessage()).contains("Invalid App ID (INVALID_APP_ID)").doesNotContain("og-key");
                });
    }

    @Test
    void rateLimitsAreTransientAndKeepRetryAfter() {
        server.enqueue(json(429, "{\"error\":true,\"message\":\"Too many\",\"code\":\"RATE_LIMITED\"}")
                .setHeader("Retry-After", "7"));

        assertThatThrownBy(() -> client.lookup(YES24))
                .isInstanceOfSatisfying(TransientFailure.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        server.enqueue(json(502, "{\"error\":{\"code\":102,\"message\":\"Target unavailable\"}}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        assertThatThrownBy(() -> client.lookup(YES24)).isInstanceOfSatisfying(TransientFailure.class,
                e -> assertThat(e.getMessage()).contains("Target unavailable"));
        assertThatThrownBy(() -> client.lookup(YES24)).isInstanceOfSatisfying(TransientFailure.class,
                e -> assertThat(e.reason()).isEqualTo("opengraph-io"));
    }

    @Test
    void aTargetPageThatIsMissingStillLetsTheBookThroughWithoutMetadata() {
        server.enqueue(json(404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}"));

        assertThat(client.lookup(YES24)).isEqualTo(BookMetadata.NONE);
    }

    @Test
    void a404ThatIsNotFromOpenGraphMeansAMisconfiguredUrl() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("<html>nginx</html>"));

        assertThatThrownBy(() -> client.lookup(YES24)).isInstanceOfSatisfying(PermanentFailure.class,
                e -> assertThat(e.getMessage()).contains("OPENGRAPH_API_URL"));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}

package bookbot.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;

class ExternalCallsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExternalCalls calls = new ExternalCalls(registry);
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(1, TimeUnit.SECONDS)
            .addInterceptor(calls.interceptor("slack", ExternalCalls::lastPathSegment)).build();

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void eachCallIsTimedWithItsApiOperationAndStatus() throws IOException {
        server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"ok\":true}"));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));

        call("/api/chat.postMessage");
        call("/api/chat.postMessage");

        assertThat(count("chat.postMessage", "200")).isEqualTo(1);
        assertThat(count("chat.postMessage", "429")).isEqualTo(1);
    }

    @Test
    void aCallWithoutAnAnswerCountsAsAnIoError() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

        assertThatThrownBy(() -> call("/api/users.info")).isInstanceOf(IOException.class);
        assertThat(count("users.info", ExternalCalls.NO_ANSWER)).isEqualTo(1);
    }

    private void call(String path) throws IOException {
        try (Response response = client.newCall(new Request.Builder().url(server.url(path)).post(
                okhttp3.RequestBody.create(new byte[0])).build()).execute()) {
            response.body().string();
        }
    }

    private long count(String operation, String status) {
        return registry.get("bookbot.external.call").tags("api", "slack", "operation", operation, "status", status)
                .timer().count();
    }
}

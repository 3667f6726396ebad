package bookbot.core.metrics;

import java.time.Duration;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Latency and outcome of every call to Slack, OpenGraph.io and Notion:
 * {@code bookbot_external_call_seconds{api,operation,status}} (histogram). {@code status} is the HTTP status, or
 * {@code io-error} when no answer came. The operation is a fixed name (an API method, a resource), never a
 * URL with the member's link or an id in it.
 */
public class ExternalCalls {

    public static final String NO_ANSWER = "io-error";

    private final MeterRegistry registry;

    public ExternalCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String api, String operation, String status, Duration took) {
        Timer.builder("bookbot.external.call")
                .description("Calls to the APIs the pipeline depends on")
                .tags("api", api, "operation", operation, "status", status)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /**
     * An OkHttp interceptor that records each call of a client.
     *
     * @param operation names the call from its request (for Slack, the Web API method)
     */
    public Interceptor interceptor(String api, Function<Request, String> operation) {
        return chain -> {
            long start = System.nanoTime();
            String status = NO_ANSWER;
            try {
                Response response = chain.proceed(chain.request());
                status = String.valueOf(response.code());
                return response;
            } finally {
                record(api, operation.apply(chain.request()), status, Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    /** The last segment of the request's path: {@code chat.postMessage} for Slack's Web API. */
    public static String lastPathSegment(Request request) {
        var segments = request.url().pathSegments();
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }
}

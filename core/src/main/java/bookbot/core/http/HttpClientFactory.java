package bookbot.core.http;

import java.time.Duration;
import java.util.function.Function;

import bookbot.core.metrics.ExternalCalls;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one way bookbot builds an HTTP client for an outside API (Slack, Notion, OpenGraph.io, a book's own page):
 * the API's time-outs, every call measured ({@code bookbot_external_call_seconds}) when the process has metrics,
 * and no request sent twice behind the caller's back. OkHttp's {@code retryOnConnectionFailure} would re-send a
 * request on a stale pooled connection: for {@code chat.postMessage} or Notion's {@code pages.create} a second
 * message or page that nothing could tell from the first. A failed call fails; the caller decides.
 */
public final class HttpClientFactory {

    private final ExternalCalls calls;

    /** @param calls where calls are measured, or {@code null} for a process without metrics (tools, tests) */
    public HttpClientFactory(ExternalCalls calls) {
        this.calls = calls;
    }

    public static HttpClientFactory unmeasured() {
        return new HttpClientFactory(null);
    }

    /**
     * A client for one API.
     *
     * @param api       the metrics' {@code api} tag, e.g. {@code notion}
     * @param operation the metrics' {@code operation} tag of a request; it must not reveal what a member typed
     */
    public OkHttpClient create(String api, Function<Request, String> operation, Timeouts timeouts) {
        return create(new OkHttpClient.Builder(), api, operation, timeouts);
    }

    /** The same, on a builder an SDK prepared (Slack's sets its own interceptors up). */
    public OkHttpClient create(OkHttpClient.Builder base, String api, Function<Request, String> operation,
            Timeouts timeouts) {
        base.connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.connect().plus(timeouts.read()))
                .retryOnConnectionFailure(false);
        if (calls != null) {
            base.addInterceptor(calls.interceptor(api, operation));
        }
        return base.build();
    }

    /**
     * @param connect time to open a connection
     * @param read    time to wait for the answer (and to send the request); the whole call gets both
     */
    public record Timeouts(Duration connect, Duration read) {

        public Timeouts {
            if (connect == null || read == null || connect.isNegative() || read.isNegative()) {
                throw new IllegalArgumentException("time-outs must be set and not negative: " + connect + ", " + read);
            }
        }
    }
}

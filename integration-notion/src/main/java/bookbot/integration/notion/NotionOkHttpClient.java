package bookbot.integration.notion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import notion.api.v1.http.NotionHttpClient;
import notion.api.v1.http.NotionHttpResponse;
import notion.api.v1.logging.NotionLogger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * notion-sdk-jvm's HTTP transport on an OkHttp client bookbot configures itself. The SDK's own OkHttp clients
 * cannot be configured: they keep OkHttp's {@code retryOnConnectionFailure}, which silently sends a request
 * again when a pooled connection turns out to be stale — for {@code pages.create} a second page that the
 * writer's look-up-before-create never saw. Here a failed request fails, and the writer decides.
 */
final class NotionOkHttpClient implements NotionHttpClient {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;

    NotionOkHttpClient(OkHttpClient http) {
        if (http.retryOnConnectionFailure()) {
            throw new IllegalArgumentException("the Notion client must not re-send requests by itself");
        }
        this.http = http;
    }

    @Override
    public NotionHttpResponse get(NotionLogger logger, String url, Map<String, ? extends List<String>> query,
            Map<String, String> headers) {
        return send(new Request.Builder().url(buildFullUrl(url, buildQueryString(query))).get(), headers);
    }

    @Override
    public NotionHttpResponse postTextBody(NotionLogger logger, String url, Map<String, ? extends List<String>> query,
            String body, Map<String, String> headers) {
        return send(new Request.Builder().url(buildFullUrl(url, buildQueryString(query)))
                .post(RequestBody.create(body, JSON)), headers);
    }

    @Override
    public NotionHttpResponse patchTextBody(NotionLogger logger, String url, Map<String, ? extends List<String>> query,
            String body, Map<String, String> headers) {
        return send(new Request.Builder().url(buildFullUrl(url, buildQueryString(query)))
                .patch(RequestBody.create(body, JSON)), headers);
    }

    @Override
    public NotionHttpResponse delete(NotionLogger logger, String url, Map<String, ? extends List<String>> query,
            Map<String, String> headers) {
        return send(new Request.Builder().url(buildFullUrl(url, buildQueryString(query))).delete(), headers);
    }

    private NotionHttpResponse send(Request.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            return new NotionHttpResponse(response.code(), body, response.headers().toMultimap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String urlEncode(String value) {
        return NotionHttpClient.DefaultImpls.urlEncode(this, value);
    }

    @Override
    public String buildQueryString(Map<String, ? extends List<String>> query) {
        return NotionHttpClient.DefaultImpls.buildQueryString(this, query);
    }

    @Override
    public String buildFullUrl(String url, String queryString) {
        return NotionHttpClient.DefaultImpls.buildFullUrl(this, url, queryString);
    }

    @Override
    public void debugLogStart(NotionLogger logger, String method, String fullUrl, String body) {
    }

    @Override
    public void debugLogSuccess(NotionLogger logger, long startTimeMillis, NotionHttpResponse response) {
    }

    @Override
    public void warnLogFailure(NotionLogger logger, Exception e) {
    }
}

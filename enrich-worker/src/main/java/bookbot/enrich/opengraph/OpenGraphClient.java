package bookbot.enrich.opengraph;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.failure.PermanentFailure;
import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookMetadata;
import bookbot.enrich.LinkLookup;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks a book link up on OpenGraph.io ({@code GET {api}/site/{url-encoded link}?app_id=…}) and says how a
 * failure should be handled. The member's link is only ever sent as a parameter; this never fetches it.
 *
 * <p>When OpenGraph.io says the target page is missing or refused it (404/403 with its own error body), the
 * book is still archived without metadata: the member's link and title are enough, and losing the
 * recommendation would be worse.
 */
public class OpenGraphClient implements LinkLookup {

    private static final Logger log = LoggerFactory.getLogger(OpenGraphClient.class);

    private final OkHttpClient http;
    private final HttpUrl site;
    private final String appId;
    private final JsonMapper json = JsonMapper.builder().build();

    public OpenGraphClient(OkHttpClient http, OpenGraphSettings settings) {
        this.http = http;
        HttpUrl base = HttpUrl.parse(settings.apiUrl());
        if (base == null) {
            throw new IllegalArgumentException("OPENGRAPH_API_URL is not a URL: " + settings.apiUrl());
        }
        this.site = base.newBuilder().addPathSegment("site").build();
        this.appId = settings.appId();
    }

    @Override
    public BookMetadata lookup(String bookUrl) {
        HttpUrl url = site.newBuilder()
                // Encoded like the original bot's quote_plus: the whole link is one path segment.
                .addEncodedPathSegment(URLEncoder.encode(bookUrl, StandardCharsets.UTF_8))
                .addQueryParameter("app_id", appId)
                .build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            return interpret(bookUrl, response, body);
        } catch (IOException e) {
            throw new TransientFailure("opengraph-io", "OpenGraph.io unreachable: " + e.getMessage(), e);
        }
    }

    private BookMetadata interpret(String bookUrl, Response response, String body) {
        int status = response.code();
        if (status == 200) {
            JsonNode answer = parse(body);
            if (answer == null || !answer.isObject()) {
                throw new TransientFailure("opengraph-bad-answer", "OpenGraph.io answered 200 without JSON", null);
            }
            return OpenGraphPage.read(answer);
        }
        OpenGraphError error = OpenGraphError.from(parse(body));
        String message = "OpenGraph.io HTTP " + status + (error == null ? "" : ": " + error);
        return switch (status) {
            case 403, 404 -> {
                if (error == null) {
                    throw new PermanentFailure("opengraph-http-" + status, message + " (is OPENGRAPH_API_URL right?)", null);
                }
                log.warn("{} for {}: archiving the book without link metadata", message, bookUrl);
                yield BookMetadata.NONE;
            }
            case 429 -> throw new TransientFailure("opengraph-rate-limited", message, null, retryAfter(response));
            case 400 -> throw new PermanentFailure("opengraph-bad-request", message, null);
            case 401 -> throw new PermanentFailure("opengraph-unauthorized", message, null);
            default -> {
                if (status >= 500) {
                    throw new TransientFailure("opengraph-http-" + status, message, null, retryAfter(response));
                }
                throw new PermanentFailure("opengraph-http-" + status, message, null);
            }
        };
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Duration retryAfter(Response response) {
        String header = response.header("Retry-After");
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

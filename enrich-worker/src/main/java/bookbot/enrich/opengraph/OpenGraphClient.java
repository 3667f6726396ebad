package bookbot.enrich.opengraph;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.failure.OutsideApi;
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
    private final JsonMapper json;

    public OpenGraphClient(OkHttpClient http, OpenGraphSettings settings, JsonMapper json) {
        this.json = json;
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
            throw OutsideApi.OPENGRAPH.unreachable(e);
        }
    }

    private BookMetadata interpret(String bookUrl, Response response, String body) {
        int status = response.code();
        if (status == 200) {
            JsonNode answer = parse(body);
            if (answer == null || !answer.isObject()) {
                throw OutsideApi.OPENGRAPH.badAnswer("OpenGraph.io answered 200 without JSON", null);
            }
            return OpenGraphPage.read(answer);
        }
        OpenGraphError error = OpenGraphError.from(parse(body));
        String message = "OpenGraph.io HTTP " + status + (error == null ? "" : ": " + error);
        if ((status == 403 || status == 404) && error != null) {
            log.warn("{} for {}: archiving the book without link metadata", message, bookUrl);
            return BookMetadata.NONE;
        }
        String reason = switch (status) {
            case 403, 404 -> "opengraph-http-" + status;
            case 429 -> "opengraph-rate-limited";
            case 400 -> "opengraph-bad-request";
            case 401 -> "opengraph-unauthorized";
            default -> "opengraph-http-" + status;
        };
        if (status == 403 || status == 404) {
            message += " (is OPENGRAPH_API_URL right?)";
        }
        throw OutsideApi.OPENGRAPH.failure(reason, message, status, null, null, response.header("Retry-After"));
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}

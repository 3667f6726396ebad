package bookbot.sandbox.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends signed requests to a Slack app's request URL, as Slack does (and, like Slack, gives up after 3 s). */
public class SlackAppClient {

    public static final Duration SLACK_TIMEOUT = Duration.ofSeconds(3);

    public record Answer(int status, String body, Duration took) {
    }

    private final URI requestUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SlackAppClient(URI requestUrl) {
        this.requestUrl = requestUrl;
    }

    public Answer send(SignedRequest request) {
        return send(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), request.headers());
    }

    /** A body that need not be text: for tests of what the app does with bytes Slack would never send. */
    public Answer send(byte[] body, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(requestUrl).timeout(SLACK_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + requestUrl + " within Slack's 3 s: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

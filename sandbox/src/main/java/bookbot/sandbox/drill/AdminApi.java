package bookbot.sandbox.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's admin API ({@code /admin/dead-letters}…) over java.net.http, as curl would call it. */
final class AdminApi {

    /** An open dead letter: its id, and how many times it was replayed before it died again. */
    record Letter(String id, int replays) {
    }

    /** The open dead letters (the API's first page: the drill never has more). */
    record Listing(int total, List<Letter> letters) {
    }

    private final URI gateway;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param token the gateway's BOOKBOT_ADMIN_TOKEN */
    AdminApi(URI gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    /** {@code curl -s [-H "Authorization: Bearer …"] GATEWAY/path}: the answer's body, whatever its status. */
    String get(String path, boolean withToken) {
        HttpRequest.Builder request = request(path).GET();
        if (withToken) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build()).body();
    }

    /** {@code curl -s -H "Authorization: Bearer …" -X POST GATEWAY/path -d body}: the answer's body. */
    String post(String path, String jsonBody) {
        return send(request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build()).body();
    }

    Listing openDeadLetters() {
        HttpResponse<String> answer = send(request("/admin/dead-letters?limit=100")
                .header("Authorization", "Bearer " + token).GET().build());
        if (answer.statusCode() != 200) {
            throw new DrillFailure("the admin API answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode page = json.readTree(answer.body());
        List<Letter> letters = page.get("deadLetters").valueStream()
                .map(letter -> new Letter(letter.get("id").asString(), letter.get("replays").asInt()))
                .toList();
        return new Listing(page.get("total").asInt(), letters);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DrillFailure("the gateway did not answer " + request.method() + " " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

package bookbot.gateway.slack;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A minimal Slack Web API for the gateway's tests: auth.test, views.open and chat.postEphemeral succeed and are
 * recorded; users.info knows every member, {@code U0SEOYEON} with Slack's Korean locale, the others English.
 */
public final class FakeSlackWebApi implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> viewsOpened = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> ephemeralPosted = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> usersInfo = new CopyOnWriteArrayList<>();

    /** Starts the fake; a test class keeps it for all its tests. */
    public static FakeSlackWebApi start() {
        try {
            return new FakeSlackWebApi();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake Slack Web API", e);
        }
    }

    private FakeSlackWebApi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath() == null ? "" : request.getPath();
                if (path.endsWith("/auth.test")) {
                    return json("{\"ok\":true,\"team_id\":\"T0SANDBOX\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}");
                }
                if (path.endsWith("/views.open")) {
                    viewsOpened.add(request);
                    return json("{\"ok\":true,\"view\":{\"id\":\"V0001\"}}");
                }
                if (path.endsWith("/chat.postEphemeral")) {
                    ephemeralPosted.add(request);
                    return json("{\"ok\":true,\"message_ts\":\"1700000000.000001\"}");
                }
                if (path.endsWith("/users.info")) {
                    usersInfo.add(request);
                    String body = request.getBody().clone().readUtf8();
                    String user = body.replaceAll(".*user=([A-Z0-9]+).*", "$1");
                    String locale = user.equals("U0SEOYEON") ? "ko-KR" : "en-US";
                    return json("{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"name\":\"member\""
                            + (body.matches(".*include_locale=(true|1).*") ? ",\"locale\":\"" + locale + "\"" : "") + "}}");
                }
                return json("{\"ok\":false,\"error\":\"unknown_method\"}");
            }
        });
        server.start();
    }

    /** Points the gateway at this fake and gives it the test's Slack credentials. */
    public void register(DynamicPropertyRegistry registry, String signingSecret) {
        registry.add("bookbot.gateway.signing-secret", () -> signingSecret);
        registry.add("bookbot.slack.bot-token", () -> "xoxb-test-token");
        registry.add("bookbot.slack.api-url", this::apiUrl);
    }

    String apiUrl() {
        return server.url("/api/").toString();
    }

    List<RecordedRequest> viewsOpened() {
        return viewsOpened;
    }

    List<RecordedRequest> ephemeralPosted() {
        return ephemeralPosted;
    }

    List<RecordedRequest> usersInfo() {
        return usersInfo;
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}

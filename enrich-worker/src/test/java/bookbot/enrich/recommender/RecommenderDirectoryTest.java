package bookbot.enrich.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import bookbot.core.failure.TransientFailure;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

class RecommenderDirectoryTest {

    private final MockWebServer slackApi = new MockWebServer();
    private final RecommenderDirectory directory = new RecommenderDirectory(slack().methods("xoxb-test"));

    @AfterEach
    void stop() throws IOException {
        slackApi.shutdown();
    }

    @Test
    void usesTheRealNameFromTheProfile() {
        slackApi.enqueue(ok("{\"ok\":true,\"user\":{\"id\":\"U1\",\"real_name\":\"Kim R\",\"profile\":{\"real_name\":\"Kim Reader\",\"display_name\":\"kim\"}}}"));

        assertThat(directory.nameOf("U1")).contains("Kim Reader");
    }

    @Test
    void fallsBackToTheDisplayName() {
        slackApi.enqueue(ok("{\"ok\":true,\"user\":{\"id\":\"U1\",\"profile\":{\"real_name\":\"\",\"display_name\":\"kim\"}}}"));

        assertThat(directory.nameOf("U1")).contains("kim");
    }

    @Test
    void aMemberSlackCannotFindCostsTheNameNotTheBook() {
        slackApi.enqueue(ok("{\"ok\":false,\"error\":\"user_not_found\"}"));

        assertThat(directory.nameOf("U404")).isEmpty();
    }

    @Test
    void rateLimitingIsTransient() {
        slackApi.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3")
                .setBody("{\"ok\":false,\"error\":\"ratelimited\"}"));

        assertThatThrownBy(() -> directory.nameOf("U1")).isInstanceOf(TransientFailure.class);
    }

    private Slack slack() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.url("/api/").toString());
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }
}

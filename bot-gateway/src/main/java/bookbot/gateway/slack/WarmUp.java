package bookbot.gateway.slack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.util.json.GsonFactory;

import bookbot.gateway.GatewaySettings;
import bookbot.gateway.form.BookModal;

/**
 * Sends one signed request through Bolt before the gateway reports ready, so the first member after a
 * deploy is not the one who pays for class loading, the first auth.test and a cold HTTP client: on a small
 * machine that first request can take longer than Slack's 3 s.
 */
@Component
class WarmUp implements ApplicationRunner {

    static final String COMMAND = "/bookbot-warm-up";
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final App app;
    private final SlackRequestParser parser;
    private final GatewaySettings settings;
    private final BookModal modal;
    private final Slack slack;

    WarmUp(App app, GatewaySettings settings, BookModal modal, Slack slack) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.settings = settings;
        this.modal = modal;
        this.slack = slack;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        try {
            GsonFactory.createSnakeCase(slack.getConfig()).toJson(modal.build("C0WARMUP", settings.locale()));
            String body = "command=" + COMMAND + "&team_id=T0WARMUP&channel_id=C0WARMUP&user_id=U0WARMUP"
                    + "&trigger_id=warm-up&text=";
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            String signature = new SlackSignature.Generator(settings.signingSecret()).generate(timestamp, body);
            int status = app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(BoltConfig.SLACK_EVENTS_PATH)
                    .queryString(Map.of())
                    .headers(new RequestHeaders(Map.of(
                            "content-type", List.of("application/x-www-form-urlencoded"),
                            SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of(timestamp),
                            SlackSignature.HeaderNames.X_SLACK_SIGNATURE, List.of(signature))))
                    .requestBody(body)
                    .remoteAddress("127.0.0.1")
                    .build())).getStatusCode();
            log.info("warmed up in {} ms (Bolt answered {})", (System.nanoTime() - start) / 1_000_000, status);
        } catch (Exception e) {
            log.warn("warm-up failed, the first request may be slow: {}", e.toString());
        }
    }
}

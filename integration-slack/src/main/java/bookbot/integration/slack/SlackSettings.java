package bookbot.integration.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param botToken the bot's {@code xoxb-} token (from SLACK_BOT_TOKEN); never logged
 * @param apiUrl   base of the Web API (SLACK_API_URL), ending with a slash
 * @param connectTimeout time to open a connection to Slack
 * @param readTimeout    time to wait for Slack's answer
 */
@ConfigurationProperties("bookbot.slack")
public record SlackSettings(String botToken, String apiUrl, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    public SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is not set: bookbot cannot open forms or post to channels");
        }
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : apiUrl;
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=" + (botToken == null || botToken.isBlank() ? "<unset>" : "<redacted>")
                + ", apiUrl=" + apiUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}

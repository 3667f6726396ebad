package bookbot.integration.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param botToken the bot's {@code xoxb-} token (from SLACK_BOT_TOKEN); never logged
 * @param apiUrl   base of the Web API (SLACK_API_URL), ending with a slash
 */
@ConfigurationProperties("bookbot.slack")
public record SlackSettings(String botToken, String apiUrl) {

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
                + ", apiUrl=" + apiUrl + "]";
    }
}

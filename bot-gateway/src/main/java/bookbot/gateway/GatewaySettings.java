package bookbot.gateway;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param signingSecret the Slack app's signing secret (SLACK_SIGNING_SECRET); never logged
 * @param command       the slash command that opens the form
 * @param locale        the default language: of members whose Slack language bookbot does not speak, or is not
 *                      known yet (see {@link bookbot.gateway.member.MemberLocales})
 * @param maxBodySize   larger Slack requests are refused before parsing
 */
@ConfigurationProperties("bookbot.gateway")
public record GatewaySettings(String signingSecret, String command, Locale locale, DataSize maxBodySize) {

    public GatewaySettings {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET is not set: the gateway cannot verify Slack's requests");
        }
        if (command == null || !command.startsWith("/")) {
            throw new IllegalArgumentException("bookbot.gateway.command must start with '/', was " + command);
        }
    }

    @Override
    public String toString() {
        return "GatewaySettings[signingSecret=<redacted>, command=" + command + ", locale=" + locale
                + ", maxBodySize=" + maxBodySize + "]";
    }
}

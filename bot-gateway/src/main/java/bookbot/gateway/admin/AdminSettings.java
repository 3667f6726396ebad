package bookbot.gateway.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param token the bearer token of the admin API (BOOKBOT_ADMIN_TOKEN); the API exists only when it is set */
@ConfigurationProperties("bookbot.admin")
public record AdminSettings(String token) {

    @Override
    public String toString() {
        return "AdminSettings[token=" + (token == null || token.isBlank() ? "unset" : "(set)") + "]";
    }
}

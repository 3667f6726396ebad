package bookbot.integration.notion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token      the integration's token (NOTION_TOKEN); never logged
 * @param databaseId the database pages go into (NOTION_DATABASE_ID)
 * @param apiUrl     base URL (NOTION_API_URL), e.g. https://api.notion.com/v1
 * @param properties the database's property names
 * @param requestsPerSecond Notion's limit for the integration, shared by all writer processes; 0 switches it off
 */
@ConfigurationProperties("bookbot.notion")
public record NotionSettings(String token, String databaseId, String apiUrl, Duration connectTimeout,
        Duration readTimeout, @DefaultValue PropertyNames properties, @DefaultValue("3") double requestsPerSecond) {

    public NotionSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("NOTION_TOKEN is not set: bookbot cannot reach Notion");
        }
    }

    /** The database, for what needs one (the writer, {@code notion check}); {@code notion setup} makes one. */
    public String requireDatabaseId() {
        if (databaseId == null || databaseId.isBlank()) {
            throw new IllegalStateException("NOTION_DATABASE_ID is not set: no database to write to "
                    + "(bookbot-admin notion setup --parent <page id> creates one and prints its id)");
        }
        return databaseId;
    }

    @Override
    public String toString() {
        return "NotionSettings[token=<redacted>, databaseId=" + databaseId + ", apiUrl=" + apiUrl
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", properties=" + properties
                + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
}

package bookbot.enrich.opengraph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param appId          OpenGraph.io key (OPENGRAPH_APP_ID); never logged
 * @param apiUrl         base URL (OPENGRAPH_API_URL), e.g. https://opengraph.io/api/1.1
 * @param connectTimeout time to open a connection
 * @param readTimeout    time to wait for the answer; OpenGraph.io fetches the target page first, so be generous
 */
@ConfigurationProperties("bookbot.opengraph")
public record OpenGraphSettings(String appId, String apiUrl, Duration connectTimeout, Duration readTimeout) {

    public OpenGraphSettings {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("OPENGRAPH_APP_ID is not set: the enrich worker cannot look links up");
        }
    }

    @Override
    public String toString() {
        return "OpenGraphSettings[appId=<redacted>, apiUrl=" + apiUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}

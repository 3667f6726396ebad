package bookbot.enrich.opengraph;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param appId          OpenGraph.io key (OPENGRAPH_APP_ID); never logged. Unset: the worker reads book pages itself
 * @param apiUrl         base URL (OPENGRAPH_API_URL), e.g. https://opengraph.io/api/1.1
 * @param connectTimeout time to open a connection
 * @param readTimeout    time to wait for the answer; OpenGraph.io fetches the target page first, so be generous
 */
@ConfigurationProperties("bookbot.opengraph")
public record OpenGraphSettings(String appId, String apiUrl, Duration connectTimeout, Duration readTimeout) {

    public boolean configured() {
        return appId != null && !appId.isBlank();
    }

    @Override
    public String toString() {
        return "OpenGraphSettings[appId=<redacted>, apiUrl=" + apiUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}

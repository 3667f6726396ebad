package bookbot.enrich;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import bookbot.core.http.HttpClientConfig;
import bookbot.core.http.HttpClientFactory;
import bookbot.enrich.opengraph.OpenGraphClient;
import bookbot.enrich.opengraph.OpenGraphSettings;
import bookbot.enrich.page.DirectPageReader;
import tools.jackson.databind.json.JsonMapper;

/** OpenGraph.io when OPENGRAPH_APP_ID is set; otherwise the worker reads each book page itself, guarded. */
@Configuration(proxyBeanMethods = false)
@Import(HttpClientConfig.class)
class LinkLookupConfig {

    private static final Logger log = LoggerFactory.getLogger(LinkLookupConfig.class);

    @Bean
    LinkLookup linkLookup(OpenGraphSettings settings, HttpClientFactory http, JsonMapper json) {
        if (!settings.configured()) {
            log.info("OPENGRAPH_APP_ID is not set: reading book pages directly (public http(s) addresses only)");
            // Metrics name the operation only: the URL holds the member's link.
            return new DirectPageReader(http.create("book-page", request -> "get",
                    new HttpClientFactory.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))));
        }
        return new OpenGraphClient(http.create("opengraph", request -> "site",
                new HttpClientFactory.Timeouts(settings.connectTimeout(), settings.readTimeout())), settings, json);
    }
}

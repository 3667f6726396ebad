package bookbot.enrich;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.metrics.ExternalCalls;
import bookbot.enrich.opengraph.OpenGraphClient;
import bookbot.enrich.opengraph.OpenGraphSettings;
import bookbot.enrich.page.DirectPageReader;
import okhttp3.OkHttpClient;

/** OpenGraph.io when OPENGRAPH_APP_ID is set; otherwise the worker reads each book page itself, guarded. */
@Configuration(proxyBeanMethods = false)
class LinkLookupConfig {

    private static final Logger log = LoggerFactory.getLogger(LinkLookupConfig.class);

    @Bean
    LinkLookup linkLookup(OpenGraphSettings settings, ObjectProvider<ExternalCalls> externalCalls) {
        OkHttpClient.Builder http = new OkHttpClient.Builder();
        if (!settings.configured()) {
            log.info("OPENGRAPH_APP_ID is not set: reading book pages directly (public http(s) addresses only)");
            // Metrics name the operation only: the URL holds the member's link.
            externalCalls.ifAvailable(calls -> http.addInterceptor(calls.interceptor("book-page", request -> "get")));
            return new DirectPageReader(http.build());
        }
        http.connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.readTimeout().plus(settings.connectTimeout()));
        externalCalls.ifAvailable(calls -> http.addInterceptor(calls.interceptor("opengraph", request -> "site")));
        return new OpenGraphClient(http.build(), settings);
    }
}

package bookbot.enrich.opengraph;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.metrics.ExternalCalls;
import okhttp3.OkHttpClient;

@Configuration(proxyBeanMethods = false)
class OpenGraphConfig {

    @Bean
    OpenGraphClient openGraphClient(OpenGraphSettings settings, ObjectProvider<ExternalCalls> externalCalls) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.readTimeout().plus(settings.connectTimeout()));
        // One operation name: the path holds the member's link, which must not become a label.
        externalCalls.ifAvailable(calls -> http.addInterceptor(calls.interceptor("opengraph", request -> "site")));
        return new OpenGraphClient(http.build(), settings);
    }
}

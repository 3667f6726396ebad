package bookbot.enrich.opengraph;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import okhttp3.OkHttpClient;

@Configuration(proxyBeanMethods = false)
class OpenGraphConfig {

    @Bean
    OpenGraphClient openGraphClient(OpenGraphSettings settings) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.readTimeout().plus(settings.connectTimeout()))
                .build();
        return new OpenGraphClient(http, settings);
    }
}

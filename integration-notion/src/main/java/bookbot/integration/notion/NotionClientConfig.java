package bookbot.integration.notion;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import notion.api.v1.NotionClient;
import okhttp3.OkHttpClient;

/**
 * notion-sdk-jvm's client as bookbot uses it: {@code NOTION_API_URL}, real time-outs, no request sent twice behind
 * the caller's back, a logger that keeps quiet.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotionSettings.class)
@PropertySource("classpath:bookbot-notion.properties")
public class NotionClientConfig {

    @Bean(destroyMethod = "close")
    NotionClient notionClient(NotionSettings settings) {
        return create(settings);
    }

    @Bean
    NotionDatabases notionDatabases(NotionClient client, NotionSettings settings) {
        return new NotionDatabases(client, settings.properties());
    }

    public static NotionClient create(NotionSettings settings) {
        NotionClient client = new NotionClient(settings.token());
        client.setBaseUrl(settings.apiUrl());
        // The SDK's no-argument clients give up reading after 3 s; Notion can take far longer.
        client.setHttpClient(new NotionOkHttpClient(new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .retryOnConnectionFailure(false)
                .build()));
        client.setLogger(new QuietNotionLogger());
        return client;
    }
}

package bookbot.integration.notion;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import bookbot.core.http.HttpClientConfig;
import bookbot.core.http.HttpClientFactory;
import notion.api.v1.NotionClient;

/**
 * notion-sdk-jvm's client as bookbot uses it: {@code NOTION_API_URL}, its time-outs and measured calls (see
 * {@link HttpClientFactory}), a logger that keeps quiet.
 */
@Configuration(proxyBeanMethods = false)
@Import(HttpClientConfig.class)
@EnableConfigurationProperties(NotionSettings.class)
@PropertySource("classpath:bookbot-notion.properties")
public class NotionClientConfig {

    @Bean(destroyMethod = "close")
    NotionClient notionClient(NotionSettings settings, HttpClientFactory http) {
        return create(settings, http);
    }

    @Bean
    NotionDatabases notionDatabases(NotionClient client, NotionSettings settings) {
        return new NotionDatabases(client, settings.properties());
    }

    public static NotionClient create(NotionSettings settings, HttpClientFactory http) {
        NotionClient client = new NotionClient(settings.token());
        client.setBaseUrl(settings.apiUrl());
        // The SDK's no-argument clients give up reading after 3 s; Notion can take far longer.
        client.setHttpClient(new NotionOkHttpClient(http.create("notion", NotionOperations::name,
                new HttpClientFactory.Timeouts(settings.connectTimeout(), settings.readTimeout()))));
        client.setLogger(new QuietNotionLogger());
        return client;
    }
}

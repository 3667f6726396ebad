package bookbot.notion.page;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.core.worker.WorkerSettings;
import bookbot.notion.ratelimit.NotionRateLimiter;
import notion.api.v1.NotionClient;
import notion.api.v1.http.OkHttp4Client;

@Configuration(proxyBeanMethods = false)
class NotionConfig {

    @Bean(destroyMethod = "close")
    NotionClient notionClient(NotionSettings settings) {
        NotionClient client = new NotionClient(settings.token());
        client.setBaseUrl(settings.apiUrl());
        // The SDK's no-argument clients give up reading after 3 s; Notion can take far longer.
        int connect = (int) settings.connectTimeout().toMillis();
        int read = (int) settings.readTimeout().toMillis();
        client.setHttpClient(new OkHttp4Client(connect, read, read));
        client.setLogger(new QuietNotionLogger());
        return client;
    }

    @Bean
    BookPageContent bookPageContent(NotionSettings settings) {
        return new BookPageContent(settings.properties(), settings.databaseId());
    }

    @Bean(destroyMethod = "close")
    NotionRateLimiter notionRateLimiter(NotionSettings settings, WorkerSettings worker, Topology topology,
            AmqpAdmin admin) {
        return new NotionRateLimiter(settings.requestsPerSecond(), worker.concurrency(), topology.queue(Stage.WRITE),
                admin);
    }

    @Bean
    NotionPages notionPages(NotionClient client, BookPageContent content, NotionSettings settings,
            NotionRateLimiter rateLimiter) {
        return new NotionPages(client, content, settings, rateLimiter);
    }
}

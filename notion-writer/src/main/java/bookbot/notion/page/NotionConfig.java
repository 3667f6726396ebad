package bookbot.notion.page;

import java.time.Duration;
import java.util.stream.Stream;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import bookbot.core.messaging.Stage;
import bookbot.integration.notion.NotionClientConfig;
import bookbot.integration.notion.NotionDatabases;
import bookbot.integration.notion.NotionSettings;
import bookbot.integration.notion.PropertyNames;
import bookbot.core.messaging.Topology;
import bookbot.core.worker.WorkerSettings;
import bookbot.integration.notion.BookShelf;
import bookbot.notion.ratelimit.NotionRateLimiter;
import notion.api.v1.NotionClient;

@Configuration(proxyBeanMethods = false)
@Import(NotionClientConfig.class)
class NotionConfig {

    /** Refuses to start the writer on a database that lacks what it writes; see {@link DatabaseSchemaGate}. */
    @Bean
    DatabaseSchemaGate databaseSchemaGate(NotionDatabases databases, NotionSettings settings,
            @Value("${bookbot.notion.startup-wait:60s}") Duration startupWait) {
        DatabaseSchemaGate gate = new DatabaseSchemaGate(databases, settings.requireDatabaseId(), startupWait);
        gate.check();
        return gate;
    }

    @Bean
    BookPageContent bookPageContent(NotionSettings settings, DatabaseSchemaGate checked) {
        PropertyNames names = settings.properties();
        PageFormat format = checked.missingOptional().map(missing -> new PageFormat(
                Stream.of(names.bookKey(), names.recommenderIds(), names.sharedAt()).noneMatch(missing::contains),
                !missing.contains(names.author()))).orElse(PageFormat.FULL);
        return new BookPageContent(names, settings.requireDatabaseId(), format);
    }

    @Bean(destroyMethod = "close")
    NotionRateLimiter notionRateLimiter(NotionSettings settings, WorkerSettings worker, Topology topology,
            AmqpAdmin admin) {
        return new NotionRateLimiter(settings.requestsPerSecond(), worker.concurrency(), topology.queue(Stage.WRITE),
                admin);
    }

    /** The writer's reads for the digest and the Home tab, within the same rate limit as its pages. */
    @Bean
    BookShelf bookShelf(NotionClient client, NotionSettings settings, NotionRateLimiter rateLimiter) {
        return new BookShelf(client, settings.properties(), settings.requireDatabaseId(), new NotionCalls(rateLimiter));
    }

    @Bean
    NotionPages notionPages(NotionClient client, BookPageContent content, NotionSettings settings,
            NotionRateLimiter rateLimiter) {
        return new NotionPages(client, content, settings, rateLimiter);
    }
}

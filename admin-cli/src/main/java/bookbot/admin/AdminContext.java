package bookbot.admin;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.config.BeanPostProcessor;

import notion.api.v1.NotionClient;

import bookbot.core.deadletter.DeadLetterConfig;
import bookbot.core.deadletter.DeadLetters;
import bookbot.core.job.BookJob;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.MessagingConfig;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import bookbot.integration.notion.BookShelf;
import bookbot.integration.notion.NotionClientConfig;
import bookbot.integration.notion.NotionDatabaseException;
import bookbot.integration.notion.NotionDatabases;
import bookbot.integration.notion.NotionSettings;

/**
 * The Spring context behind the commands, started only when a command needs the broker or Notion (so that
 * {@code --help} and usage errors answer at once). Configured like the services, from the environment:
 * spring.rabbitmq.* and bookbot.amqp.* for dead letters, NOTION_* and bookbot.notion.* for Notion.
 */
public final class AdminContext implements AutoCloseable {

    /** Dead letters: needs the broker. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(DeadLetterConfig.class)
    static class DeadLetterApplication {
    }

    /** Notion set-up: needs NOTION_TOKEN, not the broker. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = RabbitAutoConfiguration.class)
    @Import(NotionClientConfig.class)
    static class NotionApplication {
    }

    /** The digest: Notion to read the month, the broker (connected only when a job is queued) to post it. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({NotionClientConfig.class, MessagingConfig.class})
    static class DigestApplication {

        /**
         * Queues a job on the services' topology, declaring nothing: declared here, it would get this process's
         * retry tiers, which need not be the services'.
         */
        @Bean
        static BeanPostProcessor declaresNothing() {
            return new BeanPostProcessor() {
                @Override
                // Before initialisation: RabbitAdmin registers its declaring connection listener in it.
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof RabbitAdmin admin) {
                        admin.setAutoStartup(false);
                    }
                    return bean;
                }
            };
        }
    }

    private final Map<String, Object> properties;
    private ConfigurableApplicationContext context;

    /** @param properties settings that win over the environment's, for tests */
    public AdminContext(Map<String, Object> properties) {
        this.properties = properties;
    }

    public DeadLetters deadLetters() {
        return start(DeadLetterApplication.class).getBean(DeadLetters.class);
    }

    public NotionDatabases notionDatabases() {
        return start(NotionApplication.class).getBean(NotionDatabases.class);
    }

    public NotionSettings notionSettings() {
        return start(NotionApplication.class).getBean(NotionSettings.class);
    }

    /** The club's books in Notion, read at once, failures told as {@link NotionDatabaseException}s. */
    public BookShelf bookShelf() {
        ConfigurableApplicationContext digest = start(DigestApplication.class);
        NotionSettings settings = digest.getBean(NotionSettings.class);
        return new BookShelf(digest.getBean(NotionClient.class), settings.properties(), settings.requireDatabaseId(),
                NotionDatabases.reportingCaller());
    }

    /** Puts a job on the notion-writer's queue, confirmed by the broker. */
    public void queueForWriter(BookJob job) {
        ConfigurableApplicationContext digest = start(DigestApplication.class);
        Topology topology = digest.getBean(Topology.class);
        digest.getBean(ConfirmedPublisher.class).publish(topology.workExchange(), Stage.WRITE.inputKey(),
                digest.getBean(JobMessages.class).toMessage(job));
    }

    /** A setting as the services read it (environment, then {@code fallback}). */
    public String setting(String key, String fallback) {
        return start(DigestApplication.class).getEnvironment().getProperty(key, fallback);
    }

    /** One command, one context. */
    private ConfigurableApplicationContext start(Class<?> application) {
        if (context == null) {
            context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                            .toArray(String[]::new));
        }
        return context;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}

package bookbot.admin;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import bookbot.core.deadletter.DeadLetterConfig;
import bookbot.core.deadletter.DeadLetters;
import bookbot.integration.notion.NotionClientConfig;
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

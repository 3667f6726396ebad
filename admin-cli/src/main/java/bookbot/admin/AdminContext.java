package bookbot.admin;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import bookbot.core.deadletter.DeadLetterConfig;
import bookbot.core.deadletter.DeadLetters;

/**
 * The Spring context behind the commands, started only when a command needs the broker (so that {@code --help}
 * and usage errors answer at once). Configured like the services: spring.rabbitmq.* and bookbot.amqp.*, from the
 * environment.
 */
public final class AdminContext implements AutoCloseable {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(DeadLetterConfig.class)
    static class Application {
    }

    private final Map<String, Object> properties;
    private ConfigurableApplicationContext context;

    /** @param properties settings that win over the environment's, for tests */
    public AdminContext(Map<String, Object> properties) {
        this.properties = properties;
    }

    public DeadLetters deadLetters() {
        if (context == null) {
            context = new SpringApplicationBuilder(Application.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                            .toArray(String[]::new));
        }
        return context.getBean(DeadLetters.class);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}

package bookbot.core.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Settings as a process that nothing overrides has them: {@code bookbot-core.properties} without the environment.
 * For tools and tests that must know what the services do, and declare, by default.
 */
public final class BuiltInDefaults {

    private BuiltInDefaults() {
    }

    public static <T> T bind(String prefix, Class<T> type) {
        try {
            MutablePropertySources defaults = new MutablePropertySources();
            defaults.addFirst(new ResourcePropertySource(new ClassPathResource("bookbot-core.properties")));
            return new Binder(ConfigurationPropertySources.from(defaults), new PropertySourcesPlaceholdersResolver(defaults))
                    .bindOrCreate(prefix, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

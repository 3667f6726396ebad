package bookbot.core.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What {@link RealBroker} does to a test's application context: gives it the test broker and a namespace of its
 * own before it starts, and deletes that namespace when it closes. Also usable on a context a test builds itself
 * ({@link #customizeContext}).
 */
public final class RealBrokerNamespace implements ContextCustomizer {

    /** The property source the kit adds; it takes precedence over every other. */
    public static final String PROPERTY_SOURCE = "realBroker";

    private static final Logger log = LoggerFactory.getLogger(RealBrokerNamespace.class);

    /** Applies to the classes {@link RealBroker} is on. */
    static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new RealBrokerNamespace();
        }
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        String namespace = TestBroker.newNamespace();
        TestBroker.Address broker = TestBroker.address();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.rabbitmq.host", broker.host());
        properties.put("spring.rabbitmq.port", broker.port());
        properties.put("spring.rabbitmq.username", broker.username());
        properties.put("spring.rabbitmq.password", broker.password());
        properties.put("spring.rabbitmq.virtual-host", broker.virtualHost());
        properties.put("bookbot.amqp.namespace", namespace);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        context.addApplicationListener(new DeleteOnClose(context, namespace));
        log.info("test context on broker {}:{} in namespace {}", broker.host(), broker.port(), namespace);
    }

    /** Deletes the namespace when its own context closes (not a child's: the management server's, say). */
    private record DeleteOnClose(ConfigurableApplicationContext context, String namespace)
            implements ApplicationListener<ContextClosedEvent> {

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            if (event.getApplicationContext() != context) {
                return;
            }
            try {
                TestBroker.shutDown(context, namespace);
            } catch (RuntimeException e) {
                log.warn("could not delete test namespace {}: {}", namespace, e.toString());
            }
        }
    }

    /** Any two are alike: the namespace is made per context, so it is no reason not to share one. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RealBrokerNamespace;
    }

    @Override
    public int hashCode() {
        return RealBrokerNamespace.class.hashCode();
    }
}

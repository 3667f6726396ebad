package bookbot.core.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring test on the real RabbitMQ of {@link TestBroker}, in a namespace nobody else uses.
 *
 * <p>Every application context started for an annotated class is pointed at the test broker
 * ({@code spring.rabbitmq.*}) with a fresh {@code bookbot.amqp.namespace}. When that context closes, its consumers
 * stop and every queue and exchange it declared in its namespace is deleted. The namespace lives and dies with
 * the context, so the context can be cached like any other: no {@code @DirtiesContext} and no clean-up method.
 * Test classes with the same configuration share a context and so its namespace; a test that needs an empty
 * queue empties it itself.
 *
 * <p>A test reads its namespace from the context ({@code Topology}, or
 * {@code @Value("${bookbot.amqp.namespace}")}). The broker and namespace are the kit's to set: a test that sets
 * {@code bookbot.amqp.namespace} or {@code spring.rabbitmq.*} itself is overruled.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(RealBrokerNamespace.Factory.class)
public @interface RealBroker {
}

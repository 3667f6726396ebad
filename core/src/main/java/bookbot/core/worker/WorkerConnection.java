package bookbot.core.worker;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;

/**
 * The worker's own broker connection, configured like Spring Boot's (same spring.rabbitmq.* settings) but
 * without publisher confirms: the worker publishes in channel transactions, and a channel cannot do both.
 * Returns stay on, so that a message no queue takes is reported rather than silently dropped.
 * Held in a record so that Spring Boot still creates its own connection factory for everything else.
 */
record WorkerConnection(CachingConnectionFactory factory) implements AutoCloseable {

    static WorkerConnection like(RabbitConnectionFactoryBeanConfigurer rabbit, CachingConnectionFactoryConfigurer caching)
            throws Exception {
        RabbitConnectionFactoryBean bean = new RabbitConnectionFactoryBean();
        rabbit.configure(bean);
        bean.afterPropertiesSet();
        CachingConnectionFactory factory = new CachingConnectionFactory(bean.getObject());
        caching.configure(factory);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.NONE);
        factory.setPublisherReturns(true);
        factory.setConnectionNameStrategy(connectionFactory -> "bookbot-worker");
        return new WorkerConnection(factory);
    }

    @Override
    public void close() {
        factory.destroy();
    }
}

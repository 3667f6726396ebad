package bookbot.core.messaging;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;

/**
 * Opens broker connections of their own, configured like Spring Boot's (the same spring.rabbitmq.* settings),
 * for the parts that must not share Boot's: a worker's consumers, an admin operation whose
 * unacknowledged messages must go back to the queue the moment its connection closes.
 */
public class BrokerConnections {

    private final RabbitConnectionFactoryBeanConfigurer rabbit;
    private final CachingConnectionFactoryConfigurer caching;

    public BrokerConnections(RabbitConnectionFactoryBeanConfigurer rabbit, CachingConnectionFactoryConfigurer caching) {
        this.rabbit = rabbit;
        this.caching = caching;
    }

    /** Returns stay on, so that a message no queue takes is reported rather than silently dropped. */
    public CachingConnectionFactory open(String connectionName, ConfirmType confirms) {
        RabbitConnectionFactoryBean bean = new RabbitConnectionFactoryBean();
        try {
            rabbit.configure(bean);
            bean.afterPropertiesSet();
            CachingConnectionFactory factory = new CachingConnectionFactory(bean.getObject());
            caching.configure(factory);
            factory.setPublisherConfirmType(confirms);
            factory.setPublisherReturns(true);
            factory.setConnectionNameStrategy(connectionFactory -> connectionName);
            return factory;
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure a broker connection: " + e.getMessage(), e);
        }
    }
}

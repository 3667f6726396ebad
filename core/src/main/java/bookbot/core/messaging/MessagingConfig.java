package bookbot.core.messaging;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import bookbot.core.job.JobCodec;

/**
 * What every process of the pipeline needs to talk to the broker. Defaults (publisher confirms, mandatory
 * routing, short connect time-out) live in {@code bookbot-core.properties}; application.yml and the
 * environment override them.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:bookbot-core.properties")
@EnableConfigurationProperties({MessagingSettings.class, RetryBackoff.class})
public class MessagingConfig {

    @Bean
    Declarables bookbotTopology(MessagingSettings settings, RetryBackoff retry) {
        return new Declarables(TopologyDeclarations.of(settings, retry.tiers()));
    }

    /**
     * Spring AMQP retries failed declarations with back-off (seconds) inside whatever call opened the
     * connection: a gateway request would miss Slack's 3 s. A declaration that fails (say, an exchange left by
     * an older version with other arguments) is a configuration error; it is logged on every connect and
     * the publish that needed it fails at once.
     */
    @Bean
    static BeanPostProcessor declarationsFailFast() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RabbitAdmin admin) {
                    admin.setRetryTemplate(null);
                }
                return bean;
            }
        };
    }

    @Bean
    BrokerConnections brokerConnections(RabbitConnectionFactoryBeanConfigurer rabbit,
            CachingConnectionFactoryConfigurer caching) {
        return new BrokerConnections(rabbit, caching);
    }

    @Bean
    Topology topology(MessagingSettings settings) {
        return settings.topology();
    }

    @Bean
    JobCodec jobCodec() {
        return new JobCodec();
    }

    @Bean
    JobMessages jobMessages(JobCodec codec) {
        return new JobMessages(codec);
    }

    @Bean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate template, MessagingSettings settings) {
        return new ConfirmedPublisher(template, settings.confirmTimeout());
    }
}

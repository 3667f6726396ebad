package bookbot.core.deadletter;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import bookbot.core.job.JobCodec;
import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.MessagingConfig;
import bookbot.core.messaging.MessagingSettings;
import bookbot.core.messaging.Topology;

/** The dead-letter operations, for a process that offers them to admins. */
@Configuration(proxyBeanMethods = false)
@Import(MessagingConfig.class)
public class DeadLetterConfig {

    @Bean
    DeadLetters deadLetters(BrokerConnections connections, Topology topology, JobCodec codec, MessagingSettings settings) {
        return new DeadLetters(connections, topology, new DeadLetterReader(codec, topology), settings.confirmTimeout(),
                Clock.systemUTC());
    }
}

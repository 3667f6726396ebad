package bookbot.core.deadletter;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import bookbot.core.job.JobCodec;
import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.MessagingConfig;
import bookbot.core.messaging.MessagingSettings;
import bookbot.core.messaging.Topology;

/** Workers move an older version's dead-letter queue into the log when they start. */
@Configuration(proxyBeanMethods = false)
@Import(MessagingConfig.class)
public class LegacyDeadLetterConfig {

    @Bean
    LegacyDeadLetterQueue legacyDeadLetterQueue(BrokerConnections connections, AmqpAdmin admin, Topology topology,
            MessagingSettings settings, JobCodec codec) {
        return new LegacyDeadLetterQueue(connections, admin, topology, settings, new DeadLetterReader(codec, topology));
    }

    @Bean
    ApplicationRunner moveLegacyDeadLetters(LegacyDeadLetterQueue legacy) {
        return arguments -> legacy.moveIntoLogAtStart();
    }
}

package bookbot.core.metrics;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.messaging.RetryBackoff;
import bookbot.core.messaging.Stage;
import bookbot.core.messaging.Topology;
import io.micrometer.core.instrument.MeterRegistry;

/** The pipeline's own metrics, for a service that runs Actuator (and so has a {@link MeterRegistry}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
public class MetricsConfig {

    @Bean
    JobMetrics jobMetrics(MeterRegistry registry) {
        return new JobMetrics(registry);
    }

    @Bean
    ExternalCalls externalCalls(MeterRegistry registry) {
        return new ExternalCalls(registry);
    }

    @Bean(destroyMethod = "close")
    QueueDepths queueDepths(AmqpAdmin admin, Topology topology, RetryBackoff retry, MeterRegistry registry,
            MetricsSettings settings) {
        List<String> queues = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            queues.add(topology.queue(stage));
        }
        retry.tiers().forEach(tier -> queues.add(topology.retryQueue(tier)));
        // Not the dead-letter log: a stream keeps every letter, replayed or not, and reports no depth. Dead letters
        // show in bookbot_jobs_dead_lettered_total; `dlq list` counts the open ones.
        return new QueueDepths(admin, queues, registry, settings.queueDepthInterval());
    }
}

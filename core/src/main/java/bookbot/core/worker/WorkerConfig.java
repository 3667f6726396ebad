package bookbot.core.worker;

import java.time.Clock;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import bookbot.core.deadletter.LegacyDeadLetterConfig;
import bookbot.core.messaging.BrokerConnections;
import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.MessagingConfig;
import bookbot.core.messaging.RetryBackoff;
import bookbot.core.messaging.Topology;
import bookbot.core.metrics.JobMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A worker process: one listener container on its stage's queue, running the process's {@link StageHandler}
 * with {@code bookbot.worker.concurrency} consumers on platform or virtual threads.
 */
@Configuration(proxyBeanMethods = false)
@Import({MessagingConfig.class, LegacyDeadLetterConfig.class})
@EnableConfigurationProperties(WorkerSettings.class)
public class WorkerConfig {

    @Bean
    WorkerIdentity workerIdentity(StageHandler handler) {
        return WorkerIdentity.of(handler.stage().label());
    }

    @Bean(destroyMethod = "close")
    WorkerConnection workerConnection(BrokerConnections connections) {
        return WorkerConnection.open(connections);
    }

    @Bean
    SimpleMessageListenerContainer stageListenerContainer(WorkerConnection connection, StageHandler handler,
            WorkerSettings settings, JobMessages messages, Topology topology, WorkerIdentity identity,
            ConfirmedPublisher publisher, RetryBackoff retry, ObjectProvider<DeadJobListener> deadJobListeners,
            ObjectProvider<JobMetrics> metrics) {
        CachingConnectionFactory connectionFactory = connection.factory();
        FailedJobRouter failures = new FailedJobRouter(publisher, topology, identity, retry,
                Clock.systemUTC());
        StageListener listener = new StageListener(handler, messages, publisher, topology, failures,
                deadJobListeners.orderedStream().toList(),
                settings.maxAttempts(), metrics.getIfAvailable(() -> new JobMetrics(new SimpleMeterRegistry())),
                Clock.systemUTC());

        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(topology.queue(handler.stage()));
        container.setMessageListener(listener);
        // Acknowledged when the listener returns, i.e. after its outcome was confirmed; a listener that throws
        // (an outcome the broker refused or could not route) leaves the job to come again.
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setChannelTransacted(false);
        container.setDefaultRequeueRejected(true);
        container.setConcurrentConsumers(settings.concurrency());
        container.setPrefetchCount(settings.prefetch());
        container.setTaskExecutor(consumerThreads(handler, settings));
        container.setShutdownTimeout(settings.shutdownTimeout().toMillis());
        container.setMissingQueuesFatal(false);
        return container;
    }

    /** Readiness contributor {@code consumers}. */
    @Bean
    StageConsumersHealth consumersHealthIndicator(SimpleMessageListenerContainer stageListenerContainer) {
        return new StageConsumersHealth(stageListenerContainer);
    }

    private static SimpleAsyncTaskExecutor consumerThreads(StageHandler handler, WorkerSettings settings) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(handler.stage().label() + "-");
        executor.setVirtualThreads(settings.threads() == WorkerSettings.ThreadKind.VIRTUAL);
        return executor;
    }
}

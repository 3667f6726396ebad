package bookbot.gateway.submission;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import bookbot.gateway.form.FormValidator;

@Configuration(proxyBeanMethods = false)
class SubmissionConfig {

    /** Readiness contributor {@code publishing}. */
    @Bean
    PublishingHealth publishingHealthIndicator() {
        return new PublishingHealth(Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Bean
    JobQueue jobQueue(ConfirmedPublisher publisher, JobMessages messages, Topology topology,
            PublishingHealth publishing) {
        return new JobQueue(publisher, messages, topology, publishing);
    }

    @Bean
    BookSubmissions bookSubmissions(FormValidator validator, JobQueue queue, MeterRegistry registry) {
        return new BookSubmissions(validator, queue, Clock.systemUTC(), registry);
    }

    @Bean
    Withdrawals withdrawals(JobQueue queue) {
        return new Withdrawals(queue, Clock.systemUTC());
    }

    @Bean
    HomeOpenings homeOpenings(JobQueue queue) {
        return new HomeOpenings(queue, Clock.systemUTC());
    }
}

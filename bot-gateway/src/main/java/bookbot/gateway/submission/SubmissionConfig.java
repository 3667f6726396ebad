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
import bookbot.gateway.GatewaySettings;

@Configuration(proxyBeanMethods = false)
class SubmissionConfig {

    /** Readiness contributor {@code publishing}. */
    @Bean
    PublishingHealth publishingHealthIndicator() {
        return new PublishingHealth(Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Bean
    BookSubmissions bookSubmissions(FormValidator validator, ConfirmedPublisher publisher, JobMessages messages,
            Topology topology, GatewaySettings settings, PublishingHealth publishing, MeterRegistry registry) {
        return new BookSubmissions(validator, publisher, messages, topology, settings.locale(), Clock.systemUTC(),
                publishing, registry);
    }
}

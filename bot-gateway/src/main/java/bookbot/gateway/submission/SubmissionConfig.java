package bookbot.gateway.submission;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.messaging.ConfirmedPublisher;
import bookbot.core.messaging.JobMessages;
import bookbot.core.messaging.Topology;
import bookbot.gateway.form.FormValidator;
import bookbot.gateway.slack.GatewaySettings;

@Configuration(proxyBeanMethods = false)
class SubmissionConfig {

    @Bean
    BookSubmissions bookSubmissions(FormValidator validator, ConfirmedPublisher publisher, JobMessages messages,
            Topology topology, GatewaySettings settings) {
        return new BookSubmissions(validator, publisher, messages, topology, settings.locale(), Clock.systemUTC());
    }
}

package bookbot.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import bookbot.core.lifecycle.GracefulTermination;
import bookbot.core.messaging.MessagingConfig;
import bookbot.core.metrics.MetricsConfig;
import bookbot.integration.slack.SlackClientConfig;

/** Slack's door: verifies requests, opens the form, validates it and queues the job, all within Slack's 3 s. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({MessagingConfig.class, MetricsConfig.class, SlackClientConfig.class})
public class GatewayApplication {

    public static void main(String[] args) {
        GracefulTermination.exitZeroOnSigterm();
        SpringApplication.run(GatewayApplication.class, args);
    }
}

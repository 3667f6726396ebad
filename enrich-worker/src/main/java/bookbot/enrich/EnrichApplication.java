package bookbot.enrich;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import bookbot.core.lifecycle.GracefulTermination;
import bookbot.core.metrics.MetricsConfig;
import bookbot.integration.slack.SlackClientConfig;
import bookbot.core.worker.WorkerConfig;

/** Consumes submitted jobs, adds the book's metadata (OpenGraph.io) and the member's name (Slack), passes them on. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({WorkerConfig.class, MetricsConfig.class, SlackClientConfig.class})
public class EnrichApplication {

    public static void main(String[] args) {
        GracefulTermination.exitZeroOnSigterm();
        SpringApplication.run(EnrichApplication.class, args);
    }
}

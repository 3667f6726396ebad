package bookbot.notion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import bookbot.core.lifecycle.GracefulTermination;
import bookbot.core.metrics.MetricsConfig;
import bookbot.integration.slack.SlackClientConfig;
import bookbot.core.worker.WorkerConfig;

/** Consumes enriched jobs: writes the book's Notion page (once per job) and tells the channel. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({WorkerConfig.class, MetricsConfig.class, SlackClientConfig.class})
public class WriterApplication {

    public static void main(String[] args) {
        GracefulTermination.exitZeroOnSigterm();
        SpringApplication.run(WriterApplication.class, args);
    }
}

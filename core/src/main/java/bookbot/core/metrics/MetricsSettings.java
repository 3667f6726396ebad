package bookbot.core.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param queueDepthInterval how often queue depths are read from the broker */
@ConfigurationProperties("bookbot.metrics")
public record MetricsSettings(@DefaultValue("10s") Duration queueDepthInterval) {
}

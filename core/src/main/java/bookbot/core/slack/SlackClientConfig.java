package bookbot.core.slack;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;

/** The Slack Web API client every process uses, pointed at {@code SLACK_API_URL}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackSettings.class)
public class SlackClientConfig {

    @Bean(destroyMethod = "close")
    Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // Stats would call auth.test per token in the background; we have no use for them.
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    MethodsClient slackMethods(Slack slack, SlackSettings settings) {
        return slack.methods(settings.botToken());
    }
}

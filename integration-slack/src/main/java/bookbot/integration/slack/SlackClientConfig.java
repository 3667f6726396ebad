package bookbot.integration.slack;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;

import bookbot.core.http.HttpClientConfig;
import bookbot.core.http.HttpClientFactory;
import bookbot.core.metrics.ExternalCalls;
import okhttp3.OkHttpClient;

/** The Slack Web API client every process uses, pointed at {@code SLACK_API_URL}, built by {@link HttpClientFactory}. */
@Configuration(proxyBeanMethods = false)
@Import(HttpClientConfig.class)
@EnableConfigurationProperties(SlackSettings.class)
@PropertySource("classpath:bookbot-slack.properties")
public class SlackClientConfig {

    @Bean(destroyMethod = "close")
    Slack slack(SlackSettings settings, HttpClientFactory http) {
        return slack(settings, http, new HttpClientFactory.Timeouts(settings.connectTimeout(), settings.readTimeout()));
    }

    /**
     * A Slack client like the shared one but with its own time-outs, for a caller that must not wait as long (the
     * gateway's look-ups inside Slack's 3 s). The caller closes it.
     */
    public static Slack slack(SlackSettings settings, HttpClientFactory http, HttpClientFactory.Timeouts timeouts) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        // Stats would call auth.test per token in the background; we have no use for them.
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        OkHttpClient client = http.create(SlackHttpClient.buildOkHttpClient(config, Map.of()).newBuilder(), "slack",
                ExternalCalls::lastPathSegment, timeouts);
        return Slack.getInstance(config, new SlackHttpClient(client));
    }

    @Bean
    MethodsClient slackMethods(Slack slack, SlackSettings settings) {
        return slack.methods(settings.botToken());
    }

    /** In a worker, tells the member whose book died (see {@link bookbot.core.worker.DeadJobListener}). */
    @Bean
    MemberNotifier memberNotifier(MethodsClient slackMethods) {
        return new MemberNotifier(slackMethods);
    }
}

package bookbot.gateway.member;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.http.HttpClientFactory;
import bookbot.gateway.GatewaySettings;
import bookbot.integration.slack.SlackClientConfig;
import bookbot.integration.slack.SlackSettings;

@Configuration(proxyBeanMethods = false)
class MemberLocaleConfig {

    @Bean(destroyMethod = "close")
    SlackLocaleLookup slackLocaleLookup(SlackSettings slack, HttpClientFactory http, MemberLocaleSettings settings) {
        return new SlackLocaleLookup(SlackClientConfig.slack(slack, http,
                new HttpClientFactory.Timeouts(settings.timeout(), settings.timeout())), slack.botToken());
    }

    @Bean(destroyMethod = "close")
    MemberLocales memberLocales(SlackLocaleLookup lookup, GatewaySettings gateway, MemberLocaleSettings settings) {
        return new MemberLocales(lookup, gateway.locale(), settings, Clock.systemUTC());
    }
}

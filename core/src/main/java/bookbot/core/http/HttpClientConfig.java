package bookbot.core.http;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.metrics.ExternalCalls;

/** The {@link HttpClientFactory} of a process, measuring calls when the process has metrics. */
@Configuration(proxyBeanMethods = false)
public class HttpClientConfig {

    @Bean
    HttpClientFactory httpClientFactory(ObjectProvider<ExternalCalls> calls) {
        return new HttpClientFactory(calls.getIfAvailable());
    }
}

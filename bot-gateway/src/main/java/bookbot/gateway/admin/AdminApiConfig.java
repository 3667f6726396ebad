package bookbot.gateway.admin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import bookbot.core.deadletter.DeadLetterConfig;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The admin API under {@value #PATH}, behind its own bearer-token filter. Slack's endpoint is a different servlet
 * with Bolt's signature check; neither check ever sees the other's requests.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AdminTokenConfigured.class)
@Import(DeadLetterConfig.class)
class AdminApiConfig {

    static final String PATH = "/admin";

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminSettings settings, MeterRegistry registry) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(
                new AdminTokenFilter(settings.token(), registry));
        registration.addUrlPatterns(PATH, PATH + "/*");
        return registration;
    }
}

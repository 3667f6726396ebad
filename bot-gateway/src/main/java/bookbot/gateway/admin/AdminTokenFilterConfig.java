package bookbot.gateway.admin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bearer-token filter in front of everything under {@value AdminApiConfig#PATH}. Apart from
 * {@link AdminApiConfig} (which brings the broker-bound dead-letter operations) so that a web slice test can
 * put the real filter in front of the controller.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AdminTokenConfigured.class)
class AdminTokenFilterConfig {

    @Bean
    FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminSettings settings, MeterRegistry registry) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(
                new AdminTokenFilter(settings.token(), registry));
        registration.addUrlPatterns(AdminApiConfig.PATH, AdminApiConfig.PATH + "/*");
        return registration;
    }
}

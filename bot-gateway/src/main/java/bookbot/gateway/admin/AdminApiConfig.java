package bookbot.gateway.admin;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import bookbot.core.deadletter.DeadLetterConfig;

/**
 * The admin API under {@value #PATH}: the dead-letter operations, behind their own bearer-token filter
 * ({@link AdminTokenFilterConfig}). Slack's endpoint is a different servlet with Bolt's signature check; neither
 * check ever sees the other's requests.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AdminTokenConfigured.class)
@Import(DeadLetterConfig.class)
class AdminApiConfig {

    static final String PATH = "/admin";
}

package bookbot.gateway.admin;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when BOOKBOT_ADMIN_TOKEN is set and not blank: without it the admin API does not exist (404, not 401). */
class AdminTokenConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("bookbot.admin.token"));
    }
}

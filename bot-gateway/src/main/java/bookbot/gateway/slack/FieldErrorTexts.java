package bookbot.gateway.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import bookbot.gateway.GatewaySettings;
import bookbot.gateway.form.FieldError;

/** The words a member reads for a field error, in the configured language. */
@Component
class FieldErrorTexts {

    private final MessageSource messages;
    private final Locale locale;

    FieldErrorTexts(MessageSource messages, GatewaySettings settings) {
        this.messages = messages;
        this.locale = settings.locale();
    }

    String text(FieldError error) {
        return messages.getMessage(error.messageKey(), error.arguments().toArray(), locale);
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Slack shows one message per field: the first one found. */
    List<FieldError> firstPerField(List<FieldError> errors) {
        return List.copyOf(errors.stream()
                .collect(Collectors.toMap(FieldError::field, e -> e, (first, later) -> first, LinkedHashMap::new))
                .values());
    }
}

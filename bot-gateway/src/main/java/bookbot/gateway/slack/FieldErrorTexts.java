package bookbot.gateway.slack;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

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

    List<FieldError> firstPerField(List<FieldError> errors) {
        return errors.stream()
                .collect(java.util.stream.Collectors.toMap(FieldError::field, e -> e, (a, b) -> a,
                        java.util.LinkedHashMap::new))
                .values().stream().toList();
    }
}

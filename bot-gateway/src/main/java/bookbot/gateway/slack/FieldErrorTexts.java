package bookbot.gateway.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import bookbot.gateway.form.FieldError;

/** The words a member reads (field errors, notices), in the member's language. */
@Component
class FieldErrorTexts {

    private final MessageSource messages;

    FieldErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(FieldError error, Locale locale) {
        return messages.getMessage(error.messageKey(), error.arguments().toArray(), locale);
    }

    String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Slack shows one message per field: the first one found. */
    List<FieldError> firstPerField(List<FieldError> errors) {
        return List.copyOf(errors.stream()
                .collect(Collectors.toMap(FieldError::field, e -> e, (first, later) -> first, LinkedHashMap::new))
                .values());
    }
}

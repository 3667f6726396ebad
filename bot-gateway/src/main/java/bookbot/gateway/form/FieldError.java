package bookbot.gateway.form;

import java.util.List;

/** A problem with one field: a message-bundle key and its arguments. */
public record FieldError(FormField field, String messageKey, List<Object> arguments) {

    public static FieldError of(FormField field, String messageKey, Object... arguments) {
        return new FieldError(field, messageKey, List.of(arguments));
    }
}

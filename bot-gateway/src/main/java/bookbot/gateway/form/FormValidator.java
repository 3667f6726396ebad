package bookbot.gateway.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import bookbot.core.job.Category;
import bookbot.core.job.CleanText;

/** Checks a submitted form the way the member will read about it: one message per field that is wrong. */
public class FormValidator {

    private final FormSettings settings;
    private final Taxonomy taxonomy;

    public FormValidator(FormSettings settings, Taxonomy taxonomy) {
        this.settings = settings;
        this.taxonomy = taxonomy;
    }

    /** A form that passed: the link normalised, the category resolved to its group. */
    public record ValidForm(String bookUrl, Category category, String reason, String title) {
    }

    public sealed interface Result {
    }

    public record Valid(ValidForm form) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
    }

    public Result validate(FormInput input) {
        List<FieldError> errors = new ArrayList<>();
        String url = strip(input.bookUrl());
        checkLink(url).ifPresent(errors::add);

        Optional<Category> category = taxonomy.resolve(strip(input.categoryValue()));
        if (category.isEmpty()) {
            errors.add(FieldError.of(FormField.CATEGORY, "error.category.unknown"));
        }

        String reason = strip(CleanText.clean(input.reason()));
        if (reason == null) {
            errors.add(FieldError.of(FormField.REASON, "error.reason.required"));
        } else if (reason.codePointCount(0, reason.length()) > settings.reasonMaxLength()) {
            errors.add(FieldError.of(FormField.REASON, "error.reason.too-long", settings.reasonMaxLength(),
                    reason.codePointCount(0, reason.length())));
        }

        String title = strip(CleanText.clean(input.title()));
        if (title != null && title.codePointCount(0, title.length()) > settings.titleMaxLength()) {
            errors.add(FieldError.of(FormField.TITLE, "error.title.too-long", settings.titleMaxLength()));
        }

        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        return new Valid(new ValidForm(url, category.orElseThrow(), reason, title));
    }

    /** Whether the form would take {@code url} as the book's link (an http(s) link to an allowed store). */
    public boolean acceptsLink(String url) {
        return checkLink(strip(url)).isEmpty();
    }

    private Optional<FieldError> checkLink(String url) {
        if (url == null) {
            return Optional.of(FieldError.of(FormField.BOOK_LINK, "error.link.required"));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(FieldError.of(FormField.BOOK_LINK, "error.link.invalid"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of(FieldError.of(FormField.BOOK_LINK, "error.link.invalid"));
        }
        if (!isAllowedStore(uri.getHost())) {
            return Optional.of(FieldError.of(FormField.BOOK_LINK, "error.link.store",
                    String.join(", ", settings.allowedStores())));
        }
        return Optional.empty();
    }

    private boolean isAllowedStore(String host) {
        if (settings.allowedStores().isEmpty()) {
            return true;
        }
        String normalised = host.toLowerCase(Locale.ROOT);
        return settings.allowedStores().stream()
                .map(store -> store.toLowerCase(Locale.ROOT))
                .anyMatch(store -> normalised.equals(store) || normalised.endsWith("." + store));
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}

package bookbot.gateway.form;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedStores   hosts (and their subdomains) a book link may point to; empty allows any host
 * @param reasonMaxLength longest accepted reason, in characters
 * @param categories      the category taxonomy shown in the form, in display order
 * @param defaultChannel  the channel a form opened outside any conversation (the global shortcut, the Home tab)
 *                        offers first; null or blank: the member picks one
 */
@ConfigurationProperties("bookbot.form")
public record FormSettings(List<String> allowedStores, int reasonMaxLength, int titleMaxLength,
        List<CategoryGroup> categories, String defaultChannel) {

    public record CategoryGroup(String group, List<String> names) {
    }

    public FormSettings {
        allowedStores = allowedStores == null ? List.of()
                : allowedStores.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        categories = categories == null ? List.of() : List.copyOf(categories);
        defaultChannel = defaultChannel == null || defaultChannel.isBlank() ? null : defaultChannel.strip();
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("bookbot.form.categories is empty: the form needs at least one category");
        }
    }
}

package bookbot.gateway.form;

import java.util.List;
import java.util.Optional;

import bookbot.core.job.Category;

/**
 * The configured categories, and the select values that stand for them. A value carries the group with
 * the name ("group::name") because some names appear in more than one group.
 */
public class Taxonomy {

    private static final String SEPARATOR = "::";

    private final List<FormSettings.CategoryGroup> groups;

    public Taxonomy(List<FormSettings.CategoryGroup> groups) {
        this.groups = groups;
    }

    public List<FormSettings.CategoryGroup> groups() {
        return groups;
    }

    public static String valueOf(String group, String name) {
        return group + SEPARATOR + name;
    }

    /**
     * Resolves a submitted value: "group::name" from this bot's forms, or a bare name from the original
     * bot's dialog, accepted when exactly one group has it.
     */
    public Optional<Category> resolve(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int separator = value.indexOf(SEPARATOR);
        if (separator >= 0) {
            String group = value.substring(0, separator);
            String name = value.substring(separator + SEPARATOR.length());
            return groups.stream()
                    .filter(g -> g.group().equals(group) && g.names().contains(name))
                    .findFirst()
                    .map(g -> new Category(group, name));
        }
        List<Category> matches = groups.stream()
                .filter(g -> g.names().contains(value))
                .map(g -> new Category(g.group(), value))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }
}

package bookbot.integration.notion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import notion.api.v1.model.common.PropertyType;
import notion.api.v1.model.databases.DatabaseProperty;
import notion.api.v1.model.databases.DatabasePropertySchema;
import notion.api.v1.model.databases.DatePropertySchema;
import notion.api.v1.model.databases.MultiSelectPropertySchema;
import notion.api.v1.model.databases.RichTextPropertySchema;
import notion.api.v1.model.databases.TitlePropertySchema;
import notion.api.v1.model.databases.URLPropertySchema;

/**
 * The properties a book database must have — each name (from {@link PropertyNames}) with its Notion type — what
 * {@code notion setup} creates, and what a database found in Notion lacks.
 */
public final class BookDatabaseSchema {

    /** One property bookbot writes, and why it needs it (said when it is missing). */
    public record Expected(String name, PropertyType type, String purpose) {

        /** The type as Notion writes it: {@code rich_text}, {@code multi_select}. */
        public String notionType() {
            return notionName(type);
        }
    }

    private final List<Expected> expected;

    public BookDatabaseSchema(PropertyNames names) {
        this.expected = List.of(
                new Expected(names.title(), PropertyType.Title, "the book's title"),
                new Expected(names.url(), PropertyType.Url, "the book's link"),
                new Expected(names.category(), PropertyType.MultiSelect, "the category the member picked"),
                new Expected(names.recommender(), PropertyType.RichText, "who recommended the book"),
                new Expected(names.reason(), PropertyType.RichText, "why they recommend it"),
                new Expected(names.jobId(), PropertyType.RichText,
                        "finds the page of a job delivered twice, so that it is written once"),
                new Expected(names.recommendedAt(), PropertyType.Date, "when the member submitted it"),
                new Expected(names.slackMessage(), PropertyType.RichText,
                        "remembers the channel message, so that a job delivered twice is announced once"));
    }

    public List<Expected> expected() {
        return expected;
    }

    /** @return one line per missing or mistyped property; empty when the database fits */
    public List<String> problems(Map<String, DatabaseProperty> actual) {
        List<String> problems = new ArrayList<>();
        for (Expected property : expected) {
            DatabaseProperty found = actual.get(property.name());
            if (found == null) {
                problems.add("missing property \"" + property.name() + "\" (" + property.notionType() + "): "
                        + property.purpose() + similarName(property.name(), actual));
            } else if (found.getType() != property.type()) {
                problems.add("property \"" + property.name() + "\" is " + notionName(found.getType()) + ", expected "
                        + property.notionType() + ": " + property.purpose());
            }
        }
        return problems;
    }

    /** The properties of a new book database, as {@code databases.create} takes them. */
    public Map<String, DatabasePropertySchema> forCreation() {
        Map<String, DatabasePropertySchema> schema = new LinkedHashMap<>();
        for (Expected property : expected) {
            schema.put(property.name(), switch (property.type()) {
                case Title -> new TitlePropertySchema();
                case Url -> new URLPropertySchema();
                case MultiSelect -> new MultiSelectPropertySchema();
                case RichText -> new RichTextPropertySchema();
                case Date -> new DatePropertySchema();
                default -> throw new IllegalStateException("no schema for " + property.type());
            });
        }
        return schema;
    }

    private static String similarName(String wanted, Map<String, DatabaseProperty> actual) {
        return actual.keySet().stream()
                .filter(name -> name.strip().equalsIgnoreCase(wanted.strip()))
                .findFirst()
                .map(name -> " (there is \"" + name + "\": names must match exactly)")
                .orElse("");
    }

    /** RichText → rich_text, as Notion's JSON and documentation name the types. */
    static String notionName(PropertyType type) {
        if (type == null) {
            return "an unknown type";
        }
        return type.name().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}

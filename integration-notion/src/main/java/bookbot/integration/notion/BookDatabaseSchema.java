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
 * {@code notion setup} creates, and what a database found in Notion lacks. Some are optional: a database made by
 * an older release lacks them and still works (one page per share instead of one per book, no author), so that
 * a club can upgrade first and add them when it likes.
 */
public final class BookDatabaseSchema {

    /**
     * One property bookbot writes, and why it needs it (said when it is missing).
     *
     * @param required false for a property the writer does without
     */
    public record Expected(String name, PropertyType type, String purpose, boolean required) {

        Expected(String name, PropertyType type, String purpose) {
            this(name, type, purpose, true);
        }

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
                        "remembers the channel message, so that a job delivered twice is announced once"),
                new Expected(names.bookKey(), PropertyType.RichText,
                        "finds the book's page, so that a book shared again is added to it (one page per book)", false),
                new Expected(names.recommenderIds(), PropertyType.RichText,
                        "the Slack user of each recommendation (one page per book, edit, withdraw)", false),
                new Expected(names.sharedAt(), PropertyType.RichText,
                        "when each recommendation was shared (one page per book, the monthly digest)", false),
                new Expected(names.author(), PropertyType.RichText, "the book's author, when its page names one",
                        false));
    }

    /** The optional properties without which the writer keeps one page per share. */
    public List<String> onePagePerBook() {
        return List.of(expected.get(8).name(), expected.get(9).name(), expected.get(10).name());
    }

    public List<Expected> expected() {
        return expected;
    }

    /** @return one line per missing or mistyped property; empty when the database fits */
    public List<String> problems(Map<String, DatabaseProperty> actual) {
        List<String> problems = new ArrayList<>();
        for (Expected property : expected) {
            DatabaseProperty found = actual.get(property.name());
            if (found == null && property.required()) {
                problems.add("missing property \"" + property.name() + "\" (" + property.notionType() + "): "
                        + property.purpose() + similarName(property.name(), actual));
            } else if (found != null && found.getType() != property.type()) {
                problems.add("property \"" + property.name() + "\" is " + notionName(found.getType()) + ", expected "
                        + property.notionType() + ": " + property.purpose());
            }
        }
        return problems;
    }

    /** The optional properties the database lacks (those of the right type that it has are used). */
    public List<String> missingOptional(Map<String, DatabaseProperty> actual) {
        return expected.stream().filter(property -> !property.required() && !actual.containsKey(property.name()))
                .map(Expected::name).toList();
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

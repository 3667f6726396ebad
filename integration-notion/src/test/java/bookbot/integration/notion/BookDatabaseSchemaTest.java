package bookbot.integration.notion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import notion.api.v1.model.common.PropertyType;
import notion.api.v1.model.databases.DatabaseProperty;
import notion.api.v1.model.databases.MultiSelectPropertySchema;
import notion.api.v1.model.databases.RichTextPropertySchema;

class BookDatabaseSchemaTest {

    private final BookDatabaseSchema schema = new BookDatabaseSchema(PropertyNames.DEFAULTS);

    @Test
    void aDatabaseWithEveryPropertyFits() {
        assertThat(schema.problems(fitting())).isEmpty();
    }

    @Test
    void aMissingPropertyIsNamedWithItsTypeAndWhatItIsFor() {
        Map<String, DatabaseProperty> database = fitting();
        database.remove("Job ID");

        assertThat(schema.problems(database)).containsExactly("missing property \"Job ID\" (rich_text): "
                + "finds the page of a job delivered twice, so that it is written once");
    }

    @Test
    void aMistypedPropertyIsNamedWithBothTypes() {
        Map<String, DatabaseProperty> database = fitting();
        database.put("category", property("category", PropertyType.Select));

        assertThat(schema.problems(database)).singleElement().asString()
                .startsWith("property \"category\" is select, expected multi_select");
    }

    @Test
    void aNameThatDiffersOnlyInCaseIsPointedOut() {
        Map<String, DatabaseProperty> database = fitting();
        database.remove("Job ID");
        database.put("job id", property("job id", PropertyType.RichText));

        assertThat(schema.problems(database)).singleElement().asString()
                .endsWith("(there is \"job id\": names must match exactly)");
    }

    @Test
    void theNamesAClubConfiguredAreTheOnesChecked() {
        PropertyNames korean = new PropertyNames("제목", "URL", "분류", "추천인", "추천 이유", "Job ID", "추천일", "슬랙 메시지", "추천인 ID", "공유 시각");
        assertThat(new BookDatabaseSchema(korean).problems(fitting()))
                .anyMatch(problem -> problem.startsWith("missing property \"제목\" (title)"));
    }

    @Test
    void aNewDatabaseGetsEveryPropertyWithItsType() {
        var created = schema.forCreation();

        assertThat(created).containsOnlyKeys("title", "URL", "category", "recommender", "recommend reason", "Job ID",
                "recommended at", "Slack message");
        assertThat(created.get("category")).isInstanceOf(MultiSelectPropertySchema.class);
        assertThat(created.get("Job ID")).isInstanceOf(RichTextPropertySchema.class);
    }

    private static Map<String, DatabaseProperty> fitting() {
        Map<String, DatabaseProperty> properties = new HashMap<>();
        properties.put("title", property("title", PropertyType.Title));
        properties.put("URL", property("URL", PropertyType.Url));
        properties.put("category", property("category", PropertyType.MultiSelect));
        properties.put("recommender", property("recommender", PropertyType.RichText));
        properties.put("recommend reason", property("recommend reason", PropertyType.RichText));
        properties.put("Job ID", property("Job ID", PropertyType.RichText));
        properties.put("recommended at", property("recommended at", PropertyType.Date));
        properties.put("Slack message", property("Slack message", PropertyType.RichText));
        return properties;
    }

    private static DatabaseProperty property(String name, PropertyType type) {
        DatabaseProperty property = new DatabaseProperty(type, name.hashCode() + "", name);
        return property;
    }
}

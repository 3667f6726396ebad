package bookbot.notion.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import bookbot.integration.notion.PropertyNames;
import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.testing.Jobs;
import notion.api.v1.json.GsonSerializer;
import notion.api.v1.model.pages.PageProperty;
import notion.api.v1.request.pages.CreatePageRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BookPageContentTest {

    private static final String DATABASE = "5d2c7a1e-8f3b-4c6d-9e0a-1b2c3d4e5f60";

    private static final Announcement.Claimed CLAIM = new Announcement.Claimed(java.time.Instant.parse("2026-11-22T10:15:31Z"));
    private final BookPageContent content = new BookPageContent(PropertyNames.DEFAULTS, DATABASE);
    private final BookJob job = Jobs.submitted().enriched(new BookMetadata("부의 추월차선 (10주년 스페셜 에디션) - 예스24",
            null, "https://image.yes24.com/goods/106369008/XL", "예스24"), "Kim Reader");

    @Test
    void thePageHasTheOriginalBotsPropertiesPlusJobIdAndDate() {
        JsonNode page = asNotionSeesIt(content.pageFor(job, CLAIM));
        JsonNode properties = page.get("properties");

        assertThat(page.at("/parent/database_id").asString()).isEqualTo(DATABASE);
        assertThat(properties.at("/title/title/0/text/content").asString())
                .isEqualTo("부의 추월차선 (10주년 스페셜 에디션) - 예스24");
        assertThat(properties.at("/URL/url").asString()).isEqualTo(Jobs.YES24_URL);
        assertThat(properties.at("/category/multi_select/0/name").asString()).isEqualTo("재테크/금융/부동산");
        assertThat(properties.at("/category/multi_select/1/name").asString()).isEqualTo("경영/경제");
        assertThat(properties.at("/recommender/rich_text/0/text/content").asString()).isEqualTo("Kim Reader");
        assertThat(properties.at("/recommend reason/rich_text/0/text/content").asString())
                .isEqualTo(job.recommendation().reason());
        assertThat(properties.at("/Job ID/rich_text/0/text/content").asString()).isEqualTo(job.jobId());
        assertThat(properties.at("/recommended at/date/start").asString()).isEqualTo("2026-11-22T10:15:30Z");
    }

    @Test
    void theCoverIsThePageCoverAndAnImageBlock() {
        JsonNode page = asNotionSeesIt(content.pageFor(job, CLAIM));

        assertThat(page.at("/cover/type").asString()).isEqualTo("external");
        assertThat(page.at("/cover/external/url").asString()).isEqualTo("https://image.yes24.com/goods/106369008/XL");
        assertThat(page.at("/children/0/type").asString()).isEqualTo("image");
        assertThat(page.at("/children/0/image/external/url").asString())
                .isEqualTo("https://image.yes24.com/goods/106369008/XL");
    }

    @Test
    void aBookWithoutCoverGetsNoCoverAndNoImage() {
        JsonNode page = asNotionSeesIt(content.pageFor(Jobs.submitted().enriched(BookMetadata.NONE, null), CLAIM));

        assertThat(page.has("cover")).isFalse();
        assertThat(page.path("children").isEmpty()).isTrue();
        assertThat(page.at("/properties/title/title/0/text/content").asString()).isEqualTo(Jobs.YES24_URL);
    }

    @Test
    void propertyNamesComeFromConfiguration() {
        PropertyNames names = new PropertyNames("Name", "Link", "Tags", "Who", "Why", "Key", "When", "Posted", "Ids", "Times");

        assertThat(new BookPageContent(names, DATABASE).pageFor(job, CLAIM).getProperties().keySet())
                .containsExactly("Name", "Link", "Tags", "Who", "Why", "Key", "When", "Posted");
    }

    @Test
    void longTextIsSplitIntoPartsNotCut() {
        String reason = "😀" + "a".repeat(1998) + "😀" + "b".repeat(2500);

        List<PageProperty.RichText> parts = BookPageContent.richText(reason);

        assertThat(parts).allSatisfy(p -> assertThat(p.getText().getContent().length())
                .isLessThanOrEqualTo(BookPageContent.RICH_TEXT_LIMIT));
        assertThat(parts.stream().map(p -> p.getText().getContent()).reduce("", String::concat)).isEqualTo(reason);
        assertThat(parts.get(1).getText().getContent()).startsWith("😀");
    }

    private static JsonNode asNotionSeesIt(CreatePageRequest request) {
        String json = new GsonSerializer(false).toJsonString(request);
        return JsonMapper.builder().build().readTree(json);
    }

}

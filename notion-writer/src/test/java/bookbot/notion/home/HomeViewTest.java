package bookbot.notion.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.slack.api.util.json.GsonFactory;
import com.slack.api.model.view.View;

import bookbot.core.digest.SharedBook;

/** A member's Home: the share button, the latest books with who and when, their own; within Slack's limits. */
class HomeViewTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    private final HomeView home = new HomeView(messages());

    @Test
    void showsTheShareButtonTheLatestBooksAndTheMembersOwn() {
        List<SharedBook> latest = List.of(
                SharedBook.fromPage("https://www.notion.so/p2", "Dune", "https://img.example/dune.jpg", AT, "Kim", "U1", null),
                SharedBook.fromPage("https://www.notion.so/p1", "Klara", null, AT, "Alice, Kim", "U2 U1", null));

        String view = json(home.build("U2", latest, Locale.ENGLISH, true));

        assertThat(view).contains("\"action_id\":\"bookbot_share_book\"")
                .contains("<https://www.notion.so/p2|Dune>").contains("https://img.example/dune.jpg")
                .contains("Alice, Kim").contains("<!date^" + AT.getEpochSecond() + "^{date_short}|2026-11-02>");
        String own = view.substring(view.indexOf("Your recommendations"));
        assertThat(own).contains("Klara").doesNotContain("Dune");
    }

    @Test
    void withoutCoversWhenSlackCouldNotFetchOne() {
        List<SharedBook> latest = List.of(SharedBook.fromPage("https://www.notion.so/p2", "Dune",
                "https://img.example/dune.jpg", AT, "Kim", "U1", null));

        assertThat(json(home.build("U2", latest, Locale.ENGLISH, false))).doesNotContain("img.example");
    }

    @Test
    void speaksKoreanAndSaysWhenThereIsNothingYet() {
        String view = json(home.build("U2", List.of(), Locale.KOREAN, true));

        assertThat(view).contains("책 공유하기").contains("아직 공유된 책이 없어요").contains("최근에 추천한 책이 없어요");
    }

    @Test
    void aHundredBooksStayWithinSlacksHundredBlocks() {
        List<SharedBook> latest = IntStream.range(0, 100).mapToObj(i -> SharedBook.fromPage(
                "https://www.notion.so/p" + i, "Book " + i, null, AT, "Kim", "U1", null)).toList();

        View view = home.build("U1", latest, Locale.ENGLISH, true);

        assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(100);
        assertThat(view.getType()).isEqualTo("home");
    }

    private static String json(View view) {
        return GsonFactory.createSnakeCase().newBuilder().disableHtmlEscaping().create().toJson(view);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}

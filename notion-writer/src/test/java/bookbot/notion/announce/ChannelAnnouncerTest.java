package bookbot.notion.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.slack.api.methods.MethodsClient;

import bookbot.core.job.BookJob;
import bookbot.core.job.BookMetadata;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.notion.page.Announcement;
import bookbot.notion.page.BookPage;

class ChannelAnnouncerTest {

    private static final BookPage PAGE = new BookPage("p1", "https://www.notion.so/p1", Instant.now(),
            new Announcement.Unannounced());

    private final ChannelAnnouncer announcer = new ChannelAnnouncer(mock(MethodsClient.class), messages(),
            Locale.ENGLISH);
    private final ChannelAnnouncer koreanClub = new ChannelAnnouncer(mock(MethodsClient.class), messages(),
            Locale.KOREAN);

    @Test
    void saysWhoRecommendedWhatWhyAndWhereItIsArchived() {
        String text = announcer.text(job("en", "Worth it."), PAGE);

        assertThat(text).isEqualTo("""
                :books: Kim Reader recommended a 소설 › SF book :books:
                *Project Hail Mary*

                Worth it.
                https://www.yes24.com/Product/Goods/125447384
                Archived in Notion: https://www.notion.so/p1""");
    }

    @Test
    void aKoreanClubHearsKoreanLikeTheOriginalBot() {
        assertThat(koreanClub.text(job("en", "추천"), PAGE))
                .startsWith(":books: Kim Reader님이 SF도서를 추천했어요 :books:")
                .endsWith("노션에 저장했어요: https://www.notion.so/p1");
    }

    @Test
    void theChannelHearsTheClubsLanguageNotTheSharersOwn() {
        assertThat(announcer.text(job("ko", "추천"), PAGE)).startsWith(":books: Kim Reader recommended a");
    }

    @Test
    void memberTextCannotMentionEveryoneOrForgeLinks() {
        String text = announcer.text(job("en", "<!channel> see <https://evil.example|our page> & more"), PAGE);

        assertThat(text).contains("&lt;!channel&gt; see &lt;https://evil.example|our page&gt; &amp; more")
                .doesNotContain("<!channel>");
    }

    private static BookJob job(String locale, String reason) {
        Recommendation recommendation = new Recommendation("T", "C0BOOKS", "U0MEMBER",
                "https://www.yes24.com/Product/Goods/125447384", new Category("소설", "SF"), reason, null);
        return BookJob.submitted("job-1", recommendation, locale, Instant.now())
                .enriched(new BookMetadata("Project Hail Mary", null, null, null), "Kim Reader");
    }

    /** The writer's message bundle, as Spring Boot configures it from spring.messages.basename. */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}

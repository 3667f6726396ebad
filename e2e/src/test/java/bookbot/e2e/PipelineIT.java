package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.client.SignedRequest;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;

/**
 * The pipeline as it runs in production — gateway, enrich-worker and notion-writer as separate processes on a
 * real broker — with the sandbox playing Slack, OpenGraph.io and Notion. Members share books exactly as Slack
 * delivers their clicks; the test reads what arrived in Notion and in the channel.
 */
class PipelineIT extends PipelineTestBase {

    @Test
    void everySharedBookBecomesOneNotionPageAndOneChannelMessage() {
        for (SampleBooks.Share share : SampleBooks.ALL) {
            SlackAppClient.Answer answer = member(share.userId()).shareBook("/book", share.form());
            assertThat(answer.status()).as("form for %s", share.form().bookUrl()).isEqualTo(200);
            assertThat(answer.body()).as("form for %s", share.form().bookUrl()).isEmpty();
            assertThat(answer.took()).isLessThan(SlackAppClient.SLACK_TIMEOUT);
        }

        // A page is created before its message is posted: done when every page has its message.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(pagesFor(SampleBooks.ALL)).hasSize(5);
            pagesFor(SampleBooks.ALL).forEach(page -> assertThat(pipeline.sandbox.slackMessages())
                    .anyMatch(m -> String.valueOf(m.get("text")).contains(page.url())));
        });

        assertPage(SampleBooks.YES24, "부의 추월차선 (10주년 스페셜 에디션)",
                "https://image.yes24.com/goods/106369008/XL", List.of("재테크/금융/부동산", "경영/경제"), "Kim Reader");
        assertPage(SampleBooks.RIDIBOOKS, "부의 추월차선(10주년 기념 에디션)",
                "https://img.ridicdn.net/cover/1354000126/xxlarge", List.of("재테크/금융/부동산", "경영/경제"), "이서연");
        assertPage(SampleBooks.KYOBO, "Clean Code | 로버트 C. 마틴",
                "https://contents.kyobobook.co.kr/sih/fit-in/458x0/pdt/9788966260959.jpg",
                List.of("개발/프로그래밍", "컴퓨터/IT"), "Alice Park");
        assertPage(SampleBooks.ALADIN, "데미안",
                "https://image.aladin.co.kr/product/4086/97/cover500/8932917248_1.jpg", List.of("고전", "소설"), "Bob Lee");
        assertPage(SampleBooks.WITH_OWN_TITLE, "Project Hail Mary",
                "https://www.yes24.com/covers/Product/Goods/125447384.jpg", List.of("SF", "소설"), "Kim Reader");

        Set<String> jobIds = new HashSet<>();
        pagesFor(SampleBooks.ALL).forEach(page -> jobIds.add(page.jobId()));
        assertThat(jobIds).hasSize(5).doesNotContainNull();
    }

    @Test
    void aLinkOutsideTheStoresIsRefusedInTheFormAndNeverReachesNotion() {
        SampleBooks.Share outsider = SampleBooks.OUTSIDE_THE_STORES;

        SlackAppClient.Answer answer = member(outsider.userId()).shareBook("/book", outsider.form());

        assertThat(answer.body()).contains("\"response_action\":\"errors\"").contains("\"book_link\"");
        assertNothingArrivesFor(outsider.form().bookUrl());
    }

    @Test
    void aRequestWithoutAValidSignatureIsRefusedAndPublishesNothing() {
        FormValues form = new FormValues("https://ridibooks.com/books/999999", "소설::SF", "unsigned", null);
        String body = pipeline.slack.viewSubmission("U0MEMBER", "V1", "bookbot_share_book", "C0BOOKS", form).body();
        SignedRequest stale = pipeline.slack.signAt(body, Clock.systemUTC().instant().getEpochSecond() - 6 * 60);

        assertThat(pipeline.gateway.send(new SignedRequest(body, Map.of("Content-Type", "application/x-www-form-urlencoded")))
                .status()).isEqualTo(401);
        assertThat(pipeline.gateway.send(stale).status()).isEqualTo(401);
        assertNothingArrivesFor(form.bookUrl());
    }

    private static void assertPage(SampleBooks.Share share, String title, String cover, List<String> categories,
            String recommender) {
        List<NotionPageView> pages = pagesFor(List.of(share));
        assertThat(pages).as("pages for %s", share.form().bookUrl()).hasSize(1);
        NotionPageView page = pages.getFirst();
        assertThat(page.title()).isEqualTo(title);
        assertThat(page.cover()).isEqualTo(cover);
        assertThat(page.images()).containsExactly(cover);
        assertThat(page.categories()).isEqualTo(categories);
        assertThat(page.recommender()).isEqualTo(recommender);
        assertThat(page.reason()).isEqualTo(share.form().reason());
        assertThat(page.jobId()).isNotBlank();
        assertThat(page.recommendedAt()).isNotBlank();

        List<Map<String, Object>> messages = pipeline.sandbox.slackMessages().stream()
                .filter(m -> String.valueOf(m.get("text")).contains(page.url())).toList();
        assertThat(messages).as("channel messages linking %s", page.url()).hasSize(1);
        assertThat(messages.getFirst().get("channel")).isEqualTo(SlackRequests.CHANNEL_ID);
        assertThat((String) messages.getFirst().get("text")).contains(recommender).contains(share.form().bookUrl());
    }

    private static void assertNothingArrivesFor(String bookUrl) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                pipeline.sandbox.notionPages().stream().map(NotionPageView::new).noneMatch(p -> bookUrl.equals(p.bookUrl())));
    }

    private static List<NotionPageView> pagesFor(List<SampleBooks.Share> shares) {
        Set<String> urls = new HashSet<>();
        shares.forEach(s -> urls.add(s.form().bookUrl()));
        return pipeline.sandbox.notionPages().stream().map(NotionPageView::new).filter(p -> urls.contains(p.bookUrl())).toList();
    }

    private static SlackMember member(String userId) {
        return pipeline.member(userId);
    }
}

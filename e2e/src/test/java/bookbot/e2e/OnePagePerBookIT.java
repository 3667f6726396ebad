package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import bookbot.core.job.BookJob;
import bookbot.core.job.Category;
import bookbot.core.job.Recommendation;
import bookbot.core.messaging.JobHeaders;
import bookbot.core.messaging.Stage;
import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SlackRequests;

/**
 * One page per book through the packaged services: a book shared again, by another member and through another
 * form of its link, is added to its page and announced naming both; the sharer's edit and withdrawal (published as
 * the gateway publishes them, routed by {@link Stage#firstFor}) change the page and the message; someone else's
 * edit is a dead letter and changes nothing.
 */
class OnePagePerBookIT extends PipelineTestBase {

    @AfterEach
    void noCopyWaiting() {
        pipeline.awaitNoCopyWaiting();
    }

    @Test
    void theSameBookSharedByTwoMembersThroughTwoLinkFormsIsOnePageWithBothReasonsAndAMessageNamingBoth() {
        pipeline.member("U0MEMBER").shareBook("/book", new FormValues(
                "https://www.yes24.com/Product/Goods/106369008", "경영/경제::재테크/금융/부동산", "A classic.", null));
        NotionPageView first = awaitAnnouncedPage("yes24.com/106369008", 1);

        pipeline.member("U0ALICE").shareBook("/book", new FormValues(
                "https://m.yes24.com/Goods/Detail/106369008?pid=123#review", "경영/경제::재테크/금융/부동산",
                "Read it twice.", null));

        NotionPageView page = awaitAnnouncedPage("yes24.com/106369008", 2);
        assertThat(page.id()).isEqualTo(first.id());
        assertThat(page.title()).isEqualTo("부의 추월차선 (10주년 스페셜 에디션)");
        assertThat(page.recommender()).isEqualTo("Kim Reader, Alice Park");
        assertThat(page.recommenderIds()).isEqualTo("U0MEMBER U0ALICE");
        assertThat(page.reason()).isEqualTo("Kim Reader: A classic.\n\nAlice Park: Read it twice.");
        assertThat(page.sharedAt().split(" ")).hasSize(2).allSatisfy(at -> assertThat(Instant.parse(at)).isNotNull());
        assertThat(page.jobIds()).hasSize(2).startsWith(first.jobId());
        assertThat(pipeline.sandbox.notionPagesFrom(0).stream().map(NotionPageView::new)
                .filter(p -> "yes24.com/106369008".equals(p.bookKey()))).as("pages of the book ever created").hasSize(1);

        Map<String, Object> second = messageOf(page.jobIds().get(1));
        assertThat((String) second.get("text")).contains("Alice Park").contains(page.url())
                .contains("Also recommended by Kim Reader");
        assertThat(second.get("blocks").toString()).contains("bookbot_share_menu").contains("edit").contains("withdraw");
        assertThat(payload(second)).containsEntry("user_id", "U0ALICE")
                .containsEntry("url", "https://m.yes24.com/Goods/Detail/106369008?pid=123#review")
                .containsEntry("reason", "Read it twice.").doesNotContainKey("title");
    }

    @Test
    void theSharersEditAndWithdrawalChangeThePageAndTheMessageAndSomeoneElsesEditIsADeadLetter() {
        String link = "https://ridibooks.com/books/1354000126";
        pipeline.member("U0SEOYEON").shareBook("/book", new FormValues(link, "경영/경제::재테크/금융/부동산",
                "10주년 에디션으로 다시 읽었어요.", null));
        NotionPageView page = awaitAnnouncedPage("ridibooks.com/books/1354000126", 1);
        String shareJobId = page.jobId();

        BookJob hijack = BookJob.edit("edit-" + UUID.randomUUID(), shareJobId, recommendation("U0BOB", link,
                "Not my share."), "en", Instant.now());
        publish(hijack);
        pipeline.awaitDeadLetter(m -> hijack.jobId().equals(m.getMessageProperties().getMessageId())
                && "not-the-sharer".equals(m.getMessageProperties().getHeader(JobHeaders.DEAD_REASON)),
                Duration.ofSeconds(30));
        assertThat(pipeline.pagesFor(link)).singleElement().extracting(NotionPageView::reason)
                .isEqualTo("10주년 에디션으로 다시 읽었어요.");
        assertThat(messageOf(shareJobId).get("updates")).isEqualTo(0);

        BookJob edit = BookJob.edit("edit-" + UUID.randomUUID(), shareJobId, recommendation("U0SEOYEON", link,
                "세 번째 읽어도 좋아요."), "en", Instant.now());
        publish(edit);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(pipeline.pagesFor(link)).singleElement().extracting(NotionPageView::reason)
                    .isEqualTo("세 번째 읽어도 좋아요.");
            Map<String, Object> message = messageOf(shareJobId);
            assertThat((String) message.get("text")).contains("세 번째 읽어도 좋아요.").contains("(edited)")
                    .contains(page.url());
            assertThat(message.get("blocks").toString()).contains("bookbot_share_menu");
        });

        BookJob withdrawal = BookJob.withdraw("withdraw-" + UUID.randomUUID(), shareJobId,
                recommendation("U0SEOYEON", link, "세 번째 읽어도 좋아요."), "en", Instant.now());
        publish(withdrawal);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(pipeline.pagesFor(link)).as("pages not in the trash").isEmpty();
            Map<String, Object> message = messageOf(shareJobId);
            assertThat((String) message.get("text")).contains("<@U0SEOYEON> withdrew");
            assertThat(message.get("blocks").toString()).doesNotContain("bookbot_share_menu");
        });
        assertThat(pipeline.sandbox.notionPagesFrom(0).stream().map(NotionPageView::new)
                .filter(p -> p.id().equals(page.id()))).singleElement().extracting(NotionPageView::archived)
                .isEqualTo(true);
        assertThat(pipeline.deadLetters()).as("dead letters").hasSize(1);
    }

    private static void publish(BookJob job) {
        pipeline.deliver(Stage.firstFor(job.kind()), job);
    }

    private static Recommendation recommendation(String userId, String link, String reason) {
        return new Recommendation(SlackRequests.TEAM_ID, SlackRequests.CHANNEL_ID, userId, link,
                new Category("경영/경제", "재테크/금융/부동산"), reason, null);
    }

    /** The book's page once it holds {@code shares} recommendations and each has its channel message. */
    private static NotionPageView awaitAnnouncedPage(String bookKey, int shares) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<NotionPageView> pages = pipeline.pages().stream().filter(p -> bookKey.equals(p.bookKey())).toList();
            return pages.size() == 1 && pages.getFirst().jobIds().size() == shares
                    && pages.getFirst().jobIds().stream().allMatch(id -> findMessage(id) != null);
        });
        return pipeline.pages().stream().filter(p -> bookKey.equals(p.bookKey())).findFirst().orElseThrow();
    }

    private static Map<String, Object> messageOf(String shareJobId) {
        List<Map<String, Object>> messages = pipeline.sandbox.slackMessages().stream()
                .filter(m -> shareJobId.equals(payload(m).get("job_id"))).toList();
        assertThat(messages).as("messages of share %s", shareJobId).hasSize(1);
        return messages.getFirst();
    }

    private static Map<String, Object> findMessage(String shareJobId) {
        return pipeline.sandbox.slackMessages().stream().filter(m -> shareJobId.equals(payload(m).get("job_id")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> message) {
        if (message.get("metadata") instanceof Map<?, ?> metadata && "bookbot_share".equals(metadata.get("event_type"))
                && metadata.get("event_payload") instanceof Map<?, ?> payload) {
            return (Map<String, Object>) payload;
        }
        return Map.of();
    }
}

package bookbot.integration.notion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import bookbot.core.digest.SharedBook;
import bookbot.core.http.HttpClientFactory;
import notion.api.v1.NotionClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** The digest's and the Home tab's reads: paged, filtered by the month in the club's zone, through the caller. */
class BookShelfTest {

    private final MockWebServer notion = new MockWebServer();
    private final List<String> operations = new ArrayList<>();
    private NotionClient client;
    private BookShelf shelf;

    @BeforeEach
    void start() throws IOException {
        notion.start();
        NotionSettings settings = new NotionSettings("secret_t", "db-1", notion.url("/v1").toString(),
                Duration.ofSeconds(2), Duration.ofSeconds(2), PropertyNames.DEFAULTS, 3);
        client = NotionClientConfig.create(settings, HttpClientFactory.unmeasured());
        shelf = new BookShelf(client, PropertyNames.DEFAULTS, "db-1", new NotionCaller() {
            @Override
            public <T> T call(String operation, java.util.concurrent.Callable<T> request) {
                operations.add(operation);
                try {
                    return request.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        notion.shutdown();
    }

    @Test
    void readsEveryPageOfTheMonthAndTheOlderBooksSharedAgainInIt() throws Exception {
        notion.enqueue(json(list(true, "c1", page("p1", "Dune", "2026-10-02T00:00:00.000Z", "Kim", "U1", ""))));
        notion.enqueue(json(list(false, null, page("p2", "Klara", "2026-10-09T00:00:00.000Z", "Alice", "U2", ""))));
        notion.enqueue(json("{\"object\":\"database\",\"id\":\"db-1\",\"properties\":{\"shared at\":"
                + "{\"id\":\"x\",\"name\":\"shared at\",\"type\":\"rich_text\",\"rich_text\":{}}}}"));
        notion.enqueue(json(list(false, null, page("p0", "Old", "2026-09-29T00:00:00.000Z", "Bob, Kim", "U3 U1",
                "2026-09-29T00:00:00Z 2026-10-03T00:00:00Z"))));
        notion.enqueue(json(list(false, null)));

        List<SharedBook> books = shelf.touchingMonth(YearMonth.of(2026, 10), ZoneId.of("Asia/Seoul"));

        assertThat(books).extracting(SharedBook::title).containsExactly("Dune", "Klara", "Old");
        assertThat(books.get(2).shares()).extracting(SharedBook.Share::at)
                .containsExactly(Instant.parse("2026-09-29T00:00:00Z"), Instant.parse("2026-10-03T00:00:00Z"));
        RecordedRequest firstPage = notion.takeRequest();
        assertThat(firstPage.getBody().readUtf8()).contains("\"on_or_after\":\"2026-09-30T15:00:00Z\"")
                .contains("\"before\":\"2026-10-31T15:00:00Z\"").contains("\"page_size\":100");
        assertThat(notion.takeRequest().getBody().readUtf8()).contains("\"start_cursor\":\"c1\"");
        notion.takeRequest();
        assertThat(notion.takeRequest().getBody().readUtf8()).contains("\"contains\":\"2026-09\"");
        assertThat(notion.takeRequest().getBody().readUtf8()).contains("\"contains\":\"2026-10\"");
        assertThat(operations).hasSize(5);
    }

    @Test
    void withoutSharedAtOnlyTheMonthsOwnBooksAreRead() throws Exception {
        notion.enqueue(json(list(false, null, page("p1", "Dune", "2026-10-02T00:00:00.000Z", "Kim", "", ""))));
        notion.enqueue(json("{\"object\":\"database\",\"id\":\"db-1\",\"properties\":{}}"));

        List<SharedBook> books = shelf.touchingMonth(YearMonth.of(2026, 10), ZoneId.of("UTC"));

        assertThat(books).singleElement().satisfies(book -> assertThat(book.shares())
                .containsExactly(new SharedBook.Share(null, "Kim", Instant.parse("2026-10-02T00:00:00Z"))));
        assertThat(notion.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theLatestBooksAreOneRequestNewestFirst() throws Exception {
        notion.enqueue(json(list(true, "c1", page("p2", "Klara", "2026-10-09T00:00:00.000Z", "Alice", "U2", ""))));

        assertThat(shelf.latest(100)).extracting(SharedBook::title).containsExactly("Klara");
        assertThat(notion.takeRequest().getBody().readUtf8()).contains("\"direction\":\"descending\"")
                .contains("\"property\":\"recommended at\"");
        assertThat(notion.getRequestCount()).isEqualTo(1);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String list(boolean hasMore, String cursor, String... pages) {
        return "{\"object\":\"list\",\"results\":[" + String.join(",", pages) + "],\"has_more\":" + hasMore
                + ",\"next_cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"") + "}";
    }

    private static String page(String id, String title, String at, String names, String ids, String sharedAt) {
        return """
                {"object":"page","id":"%s","url":"https://www.notion.so/%s","created_time":"%s","properties":{
                "title":{"id":"t","type":"title","title":[{"type":"text","text":{"content":"%s"},"plain_text":"%s"}]},
                "recommender":{"id":"r","type":"rich_text","rich_text":[{"type":"text","text":{"content":"%s"},"plain_text":"%s"}]},
                "recommender ids":{"id":"i","type":"rich_text","rich_text":[{"type":"text","text":{"content":"%s"},"plain_text":"%s"}]},
                "shared at":{"id":"s","type":"rich_text","rich_text":[{"type":"text","text":{"content":"%s"},"plain_text":"%s"}]},
                "recommended at":{"id":"d","type":"date","date":{"start":"%s"}}}}
                """.formatted(id, id, at, title, title, names, names, ids, ids, sharedAt, sharedAt, at);
    }
}

package bookbot.enrich.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookMetadata;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Reading a book page directly, against a local server standing in for a public one. */
class DirectPageReaderTest {

    private final MockWebServer store = new MockWebServer();
    /** Only the stand-in server's own address counts as public here. */
    private final DirectPageReader reader = new DirectPageReader(new OkHttpClient(),
            address -> address.equals(InetAddress.getLoopbackAddress()));

    @AfterEach
    void stop() throws IOException {
        store.shutdown();
    }

    @Test
    void readsTheOpenGraphTagsWithAbsoluteCoverAndCleanText() {
        store.enqueue(html("""
                <html><head><title>Fallback</title>
                <meta property="og:title" content="Project Hail Mary\u0007">
                <meta property="og:description" content="A lone astronaut">
                <meta property="og:image" content="/covers/125447384.jpg">
                <meta property="og:site_name" content="YES24">
                </head><body></body></html>"""));

        BookMetadata book = reader.lookup(store.url("/Product/Goods/125447384").toString());

        assertThat(book).isEqualTo(new BookMetadata("Project Hail Mary", "A lone astronaut",
                store.url("/covers/125447384.jpg").toString(), "YES24"));
    }

    @Test
    void readsTheAuthorFromTheBookTagsOrTheAuthorMetaTag() {
        store.enqueue(html("""
                <html><head><meta property="og:title" content="데미안">
                <meta property="book:author" content="헤르만 헤세">
                <meta name="author" content="Aladin"></head></html>"""));
        store.enqueue(html("<html><head><meta name=\"author\" content=\"Andy Weir\"></head></html>"));

        assertThat(reader.lookup(store.url("/a").toString()).author()).isEqualTo("헤르만 헤세");
        assertThat(reader.lookup(store.url("/b").toString()).author()).isEqualTo("Andy Weir");
    }

    @Test
    void fallsBackToThePagesTitleAndDescription() {
        store.enqueue(html("<html><head><title> Demian </title><meta name=\"description\" content=\"Hesse\"></head></html>"));

        assertThat(reader.lookup(store.url("/book").toString()))
                .isEqualTo(new BookMetadata("Demian", "Hesse", null, null));
    }

    @Test
    void followsARedirectAndGivesUpAfterThree() {
        store.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/moved"));
        store.enqueue(html("<html><head><meta property=\"og:title\" content=\"Moved\"></head></html>"));
        assertThat(reader.lookup(store.url("/old").toString()).title()).isEqualTo("Moved");

        for (int i = 0; i < 4; i++) {
            store.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/loop" + i));
        }
        assertThat(reader.read(store.url("/loop").toString())).isEqualTo(new DirectPageReader.Refused("more than 3 redirects"));
    }

    @Test
    void readsNoMoreThanOneMegabyte() {
        String padding = "<!--" + "x".repeat(DirectPageReader.MAX_BYTES) + "-->";
        store.enqueue(html("<html><head>" + padding + "<meta property=\"og:title\" content=\"Too far\"></head></html>"));

        assertThat(reader.read(store.url("/huge").toString()))
                .isInstanceOfSatisfying(DirectPageReader.Read.class, read -> assertThat(read.metadata().title()).isNull());
    }

    @Test
    void aMissingPageOrOneThatIsNotHtmlIsArchivedWithoutMetadata() {
        store.enqueue(new MockResponse().setResponseCode(404));
        store.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setBody("%PDF-1.7"));

        assertThat(reader.lookup(store.url("/gone").toString())).isEqualTo(BookMetadata.NONE);
        assertThat(reader.lookup(store.url("/book.pdf").toString())).isEqualTo(BookMetadata.NONE);
    }

    @Test
    void aStoreInTroubleIsTriedAgainLater() {
        store.enqueue(new MockResponse().setResponseCode(503));

        assertThatThrownBy(() -> reader.lookup(store.url("/busy").toString()))
                .isInstanceOfSatisfying(TransientFailure.class, e -> assertThat(e.reason()).isEqualTo("page-http-503"));
    }

    @Test
    void readsThePageDirectlyEvenWhenTheSystemNamesAProxy() throws IOException {
        try (MockWebServer proxy = new MockWebServer()) {
            proxy.enqueue(html("<html><head><title>Seen by the proxy</title></head></html>"));
            List<URI> consulted = new ArrayList<>();
            ProxySelector system = new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    consulted.add(uri);
                    return List.of(new Proxy(Proxy.Type.HTTP, proxy.toProxyAddress().address()));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress address, IOException e) {
                }
            };
            DirectPageReader throughTheSystem = new DirectPageReader(new OkHttpClient.Builder().proxySelector(system).build(),
                    address -> address.equals(InetAddress.getLoopbackAddress()));
            store.enqueue(html("<html><head><title>Demian</title></head></html>"));

            assertThat(throughTheSystem.lookup(store.url("/book").toString()).title()).isEqualTo("Demian");
            assertThat(consulted).as("proxy selector consulted for").isEmpty();
            assertThat(proxy.getRequestCount()).as("requests seen by the proxy").isZero();
        }
    }

    private static MockResponse html(String body) {
        return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(body);
    }
}

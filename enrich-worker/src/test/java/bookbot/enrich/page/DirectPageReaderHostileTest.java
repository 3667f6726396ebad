package bookbot.enrich.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/**
 * The direct page fetch as a door: links a member could type, and redirects a page could answer with, aimed at
 * the machine, the private network or the cloud's metadata service, or at other schemes. None is read. The
 * metadata service wrapped in each standard IPv6 form ({@link EmbeddedIpv4Forms}) is tried as a link and as the
 * answer of a resolver.
 */
class DirectPageReaderHostileTest {

    private final MockWebServer page = new MockWebServer();

    @AfterEach
    void stop() throws IOException {
        page.shutdown();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1/", "http://127.0.0.1:15672/api/users", "http://localhost:8090/actuator",
            "http://[::1]/", "http://0.0.0.0/", "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
            "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://100.64.0.1/",
            "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f000001/", "http://017700000001/",
            "file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL", "ftp://10.0.0.1/", "javascript:alert(1)",
            "dict://127.0.0.1:11211/stat"})
    void noLinkReachesAnAddressThatIsNotPublic(String link) {
        DirectPageReader reader = new DirectPageReader(new OkHttpClient());

        DirectPageReader.Outcome outcome = reader.read(link);

        // A name this machine cannot resolve (0x7f000001 is not an address to glibc) is never contacted either.
        assertThat(outcome).satisfiesAnyOf(
                refused -> assertThat(refused).isInstanceOf(DirectPageReader.Refused.class),
                unresolved -> assertThat(unresolved).isInstanceOfSatisfying(DirectPageReader.Unreadable.class,
                        unreadable -> assertThat(unreadable.why()).startsWith("no such host")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookbot.enrich.page.EmbeddedIpv4Forms#refused")
    void noLinkReachesAnIpv4AddressWrappedInIpv6(EmbeddedIpv4Forms.Form form) {
        DirectPageReader reader = new DirectPageReader(new OkHttpClient());

        assertThat(reader.read(form.link())).isInstanceOf(DirectPageReader.Refused.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookbot.enrich.page.EmbeddedIpv4Forms#refused")
    void noNameThatResolvesToAnIpv4AddressWrappedInIpv6IsContacted(EmbeddedIpv4Forms.Form form) {
        OkHttpClient resolvingToIt = new OkHttpClient.Builder().dns(host -> List.of(form.inet())).build();
        DirectPageReader reader = new DirectPageReader(resolvingToIt);

        assertThat(reader.read("http://books.example/")).isEqualTo(new DirectPageReader.Refused("books.example resolves to "
                + form.inet().getHostAddress() + ", which is not a public address"));
    }

    @ParameterizedTest(name = "302 to {0}")
    @ValueSource(strings = {"http://127.0.0.2/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
            "http://[::1]/", "http://0.0.0.0/", "file:///etc/passwd", "gopher://127.0.0.1/", "javascript:alert(1)"})
    void noRedirectLeadsToAnAddressThatIsNotPublic(String target) {
        // The page itself is "public" here: only its server's address is allowed.
        DirectPageReader reader = new DirectPageReader(new OkHttpClient(),
                address -> address.equals(InetAddress.getLoopbackAddress()));
        page.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", target));

        DirectPageReader.Outcome outcome = reader.read(page.url("/book").toString());

        assertThat(outcome).isInstanceOf(DirectPageReader.Refused.class);
        assertThat(page.getRequestCount()).as("only the page itself was asked").isEqualTo(1);
    }
}

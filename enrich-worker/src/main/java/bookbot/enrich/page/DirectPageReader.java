package bookbot.enrich.page;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import bookbot.core.failure.TransientFailure;
import bookbot.core.job.BookMetadata;
import bookbot.enrich.LinkLookup;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads a book page's OpenGraph tags itself, for a club without an OpenGraph.io app id (its free plan has 100
 * requests a month). A member's link is untrusted, so the fetch goes only to public http(s) addresses — checked
 * for literal IPs, after DNS resolution, on the connected socket, and again on every redirect (at most
 * {@value #MAX_REDIRECTS}) — reads at most {@value #MAX_BYTES} bytes of HTML and gives up after
 * {@link #CALL_TIMEOUT}. It goes straight to the page, never through a proxy. A refused or unreadable page is not
 * a lost book: it is archived without metadata.
 */
public class DirectPageReader implements LinkLookup {

    static final int MAX_REDIRECTS = 3;
    static final int MAX_BYTES = 1024 * 1024;
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(DirectPageReader.class);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    /** What became of one link. */
    sealed interface Outcome {
    }

    record Read(BookMetadata metadata) implements Outcome {
    }

    record Refused(String why) implements Outcome {
    }

    record Unreadable(String why) implements Outcome {
    }

    private final OkHttpClient http;
    private final Predicate<InetAddress> allowed;

    public DirectPageReader(OkHttpClient base) {
        this(base, PublicAddresses.ONLY);
    }

    DirectPageReader(OkHttpClient base, Predicate<InetAddress> allowed) {
        this.allowed = allowed;
        // Through a proxy the target is never resolved here and the socket is the proxy's: no check would hold.
        this.http = base.newBuilder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .dns(new GuardedDns(base.dns(), allowed))
                .addNetworkInterceptor(connectedAddressCheck())
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(CALL_TIMEOUT)
                .build();
    }

    @Override
    public BookMetadata lookup(String bookUrl) {
        return switch (read(bookUrl)) {
            case Read read -> read.metadata();
            case Refused refused -> {
                log.warn("not reading {}: {}; archiving the book without link metadata", bookUrl, refused.why());
                yield BookMetadata.NONE;
            }
            case Unreadable unreadable -> {
                log.warn("could not read {}: {}; archiving the book without link metadata", bookUrl, unreadable.why());
                yield BookMetadata.NONE;
            }
        };
    }

    Outcome read(String link) {
        HttpUrl url = HttpUrl.parse(link);
        if (url == null) {
            return new Refused("not an http(s) URL");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String literalProblem = literalAddressProblem(url.host());
            if (literalProblem != null) {
                return new Refused(literalProblem);
            }
            Request request = new Request.Builder().url(url).get()
                    .header("User-Agent", "bookbot link preview")
                    .header("Accept", "text/html,application/xhtml+xml")
                    .build();
            try (Response response = http.newCall(request).execute()) {
                if (response.isRedirect()) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : url.resolve(location);
                    if (next == null) {
                        return new Refused("redirect to something that is not an http(s) URL: " + location);
                    }
                    url = next;
                    continue;
                }
                if (response.code() >= 500 || response.code() == 429) {
                    throw new TransientFailure("page-http-" + response.code(), "the book page answered HTTP "
                            + response.code(), null);
                }
                if (!response.isSuccessful()) {
                    return new Unreadable("HTTP " + response.code());
                }
                String type = response.header("Content-Type", "").toLowerCase(Locale.ROOT);
                if (!type.startsWith("text/html") && !type.startsWith("application/xhtml")) {
                    return new Unreadable("not a web page (" + type + ")");
                }
                // peekBody never reads more than it is allowed to keep.
                String html = response.peekBody(MAX_BYTES).string();
                return new Read(PageTags.read(html, url.toString()));
            } catch (RefusedAddressException e) {
                return new Refused(e.getMessage());
            } catch (java.net.UnknownHostException e) {
                return new Unreadable("no such host: " + url.host());
            } catch (IOException e) {
                throw new TransientFailure("page-unreachable", "the book page could not be read: " + e.getMessage(), e);
            }
        }
        return new Refused("more than " + MAX_REDIRECTS + " redirects");
    }

    /** OkHttp connects to an IP literal without asking DNS, so literals are checked here. */
    private String literalAddressProblem(String host) {
        if (!IP_LITERAL.matcher(host).matches()) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return allowed.test(address) ? null : host + " is not a public address";
        } catch (IOException e) {
            return "not an address: " + host;
        }
    }

    /** The last word: the address the socket is actually connected to. */
    private Interceptor connectedAddressCheck() {
        return chain -> {
            InetAddress remote = chain.connection() == null ? null : chain.connection().socket().getInetAddress();
            if (remote != null && !allowed.test(remote)) {
                throw new RefusedAddressException("connected to " + remote.getHostAddress()
                        + ", which is not a public address");
            }
            return chain.proceed(chain.request());
        };
    }
}

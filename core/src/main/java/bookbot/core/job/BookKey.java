package bookbot.core.job;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which book a link is about, whatever form of the link a member pasted: the store's host without {@code www.},
 * {@code m.} or {@code mobile.}, then the store's product id — {@code yes24.com/1234} for both
 * {@code https://m.yes24.com/Goods/Detail/1234?pid=x#r} and {@code https://www.yes24.com/Product/Goods/1234}. A link
 * no rule knows keeps its path and its query without tracking parameters, sorted, and drops its fragment:
 * {@code ridibooks.com/books/1354000126}, {@code ridibooks.com/v2/Detail?id=7} — the query may be what names the book
 * ({@code ?id=}, {@code ?barcode=}, {@code ?ISBN=}), and two books on one page would lose a share. Two shares of one key
 * are recommendations of the same book, on the same Notion page.
 */
public final class BookKey {

    private record Store(String host, Function<URI, Optional<String>> productId) {
    }

    private static final Pattern YES24_GOODS = Pattern.compile("(?i)/(?:product/)?goods/(?:detail/)?(\\d+)");
    private static final Pattern ALADIN_ITEM = Pattern.compile("(?i)(?:^|&)itemid=(\\d+)");
    private static final Pattern KYOBO_DETAIL = Pattern.compile("(?i)/detail/(S\\d+)");
    private static final Pattern MOBILE_PREFIX = Pattern.compile("^(?:(?:www|m|mobile)\\.)+");
    /** Parameters that say where a link was shared from, never which book it is. */
    private static final Pattern TRACKING = Pattern.compile(
            "(?i)utm_\\w*|fbclid|gclid|pid|ref|referrer|from|src|source|share\\w*|_ga\\w*|ozsrank");

    private static final List<Store> STORES = List.of(
            new Store("yes24.com", uri -> group(YES24_GOODS, uri.getRawPath())),
            new Store("aladin.co.kr", uri -> group(ALADIN_ITEM, uri.getRawQuery())),
            new Store("kyobobook.co.kr", uri -> group(KYOBO_DETAIL, uri.getRawPath())
                    .map(id -> id.toUpperCase(Locale.ROOT))));

    private BookKey() {
    }

    /** @return the book's key; the link itself, trimmed, when it is no URL with a host */
    public static String of(String url) {
        String link = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            return link;
        }
        if (uri.getHost() == null) {
            return link;
        }
        String host = MOBILE_PREFIX.matcher(uri.getHost().toLowerCase(Locale.ROOT)).replaceFirst("");
        for (Store store : STORES) {
            if (host.equals(store.host()) || host.endsWith("." + store.host())) {
                Optional<String> id = store.productId().apply(uri);
                if (id.isPresent()) {
                    return store.host() + "/" + id.get();
                }
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(parameter -> !parameter.isEmpty()
                        && !TRACKING.matcher(parameter.split("=", 2)[0]).matches())
                .sorted().collect(Collectors.joining("&"));
        return host + path + (query.isEmpty() ? "" : "?" + query);
    }

    private static Optional<String> group(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

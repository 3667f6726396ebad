package bookbot.sandbox.opengraph;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pages the fake OpenGraph.io knows, in the shapes the real one returns. The first two are the original
 * bot's test data (yes24 and ridibooks); the others exercise the fallbacks a client needs: an image only in
 * the raw OpenGraph tags, and a page without any OpenGraph tags.
 */
final class OpenGraphCorpus {

    record Page(String url, Map<String, Object> hybridGraph, Map<String, Object> openGraph,
            Map<String, Object> htmlInferred) {
    }

    private static final List<Page> PAGES = List.of(
            complete("https://www.yes24.com/Product/Goods/106369008",
                    "부의 추월차선 (10주년 스페셜 에디션) - 예스24", "book",
                    "https://image.yes24.com/goods/106369008/XL", "예스24",
                    "부의 추월차선 10주년 스페셜 에디션"),
            complete("https://ridibooks.com/books/1354000126",
                    "부의 추월차선(10주년 기념 에디션)", "books.book",
                    "https://img.ridicdn.net/cover/1354000126/xxlarge#1", "리디",
                    "엠제이 드마코 지음"),
            imageOnlyInOpenGraph(),
            withoutOpenGraphTags());

    private OpenGraphCorpus() {
    }

    static Optional<Page> find(String url) {
        String wanted = normalise(url);
        return PAGES.stream().filter(p -> normalise(p.url()).equals(wanted)).findFirst();
    }

    static List<String> urls() {
        return PAGES.stream().map(Page::url).toList();
    }

    /** A page outside the corpus that looks like a store page: a title made from the link, a cover, a site name. */
    static Page plausible(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "example.com" : uri.getHost();
        String path = uri.getPath() == null || uri.getPath().isBlank() ? "/" : uri.getPath();
        String title = "Book " + path.substring(path.lastIndexOf('/') + 1) + " - " + host;
        String image = "https://" + host + "/covers" + path + ".jpg";
        return complete(url, title, "book", image, host, "A book page at " + host);
    }

    private static Page complete(String url, String title, String type, String image, String siteName,
            String description) {
        Map<String, Object> hybrid = map("title", title, "description", description, "type", type, "image", image,
                "url", url, "favicon", "https://" + URI.create(url).getHost() + "/favicon.ico", "site_name", siteName);
        Map<String, Object> og = map("title", title, "type", type, "image", Map.of("url", image), "url", url,
                "site_name", siteName, "description", description);
        Map<String, Object> inferred = map("title", title, "description", description, "images", List.of(image),
                "image_guess", image, "url", url, "site_name", siteName);
        return new Page(url, hybrid, og, inferred);
    }

    private static Page imageOnlyInOpenGraph() {
        String url = "https://product.kyobobook.co.kr/detail/S000001032946";
        String image = "https://contents.kyobobook.co.kr/sih/fit-in/458x0/pdt/9788966260959.jpg";
        return new Page(url,
                map("title", "Clean Code | 로버트 C. 마틴 - 교보문고", "url", url, "site_name", "교보문고"),
                map("title", "Clean Code", "image", Map.of("url", image), "url", url, "site_name", "교보문고"),
                map("title", "Clean Code | 로버트 C. 마틴 - 교보문고", "images", List.of(), "url", url));
    }

    private static Page withoutOpenGraphTags() {
        String url = "https://www.aladin.co.kr/shop/wproduct.aspx?ItemId=40869703";
        String image = "https://image.aladin.co.kr/product/4086/97/cover500/8932917248_1.jpg";
        return new Page(url,
                map("title", "데미안 - 알라딘", "url", url),
                map("error", "No OpenGraph Tags Found"),
                map("title", "데미안 - 알라딘", "description", "헤르만 헤세 지음", "images", List.of(image),
                        "image_guess", image, "url", url, "site_name", "알라딘"));
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String normalise(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

package bookbot.sandbox.demo;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;

/**
 * Plays club members sharing books through a running gateway, exactly as Slack would deliver their clicks
 * (slash command → modal → view_submission, all signed), then prints where each book ended: its Notion page
 * and its channel message. Exit code 0 only when every accepted book arrived and the bad link was refused.
 */
public final class DemoDriver {

    record Sample(String userId, FormValues form) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("U0MEMBER", new FormValues("https://www.yes24.com/Product/Goods/106369008",
                    "경영/경제::재테크/금융/부동산", "A classic about getting out of the slow lane.", null)),
            new Sample("U0SEOYEON", new FormValues("https://ridibooks.com/books/1354000126",
                    "경영/경제::재테크/금융/부동산", "10주년 에디션으로 다시 읽었어요.", null)),
            new Sample("U0ALICE", new FormValues("https://product.kyobobook.co.kr/detail/S000001032946",
                    "컴퓨터/IT::개발/프로그래밍", "Every team should read chapter 3 together.", null)),
            new Sample("U0BOB", new FormValues("https://www.aladin.co.kr/shop/wproduct.aspx?ItemId=40869703",
                    "소설::고전", "새는 알을 깨고 나온다.", null)),
            new Sample("U0MEMBER", new FormValues("https://www.yes24.com/Product/Goods/125447384",
                    "소설::SF", "Science as a page-turner.", "Project Hail Mary")));

    static final Sample OUTSIDE_THE_STORES = new Sample("U0BOB", new FormValues(
            "https://www.amazon.com/dp/0593135202", "소설::SF", "Not from one of our stores.", null));

    private final PrintStream out;
    private final SandboxClient sandbox;
    private final SlackRequests requests;
    private final SlackAppClient gateway;
    private final String command;
    private final Duration timeout;

    DemoDriver(PrintStream out, URI gatewayUrl, URI sandboxUrl, String signingSecret, String command, Duration timeout) {
        this.out = out;
        this.sandbox = new SandboxClient(sandboxUrl);
        this.requests = new SlackRequests(signingSecret, Clock.systemUTC());
        this.gateway = new SlackAppClient(gatewayUrl.resolve("/slack/events"));
        this.command = command;
        this.timeout = timeout;
    }

    public static int run(String[] args) {
        Map<String, String> options = parse(args);
        String secret = options.getOrDefault("signing-secret",
                Optional.ofNullable(System.getenv("SLACK_SIGNING_SECRET")).orElse("sandbox-signing-secret"));
        DemoDriver demo = new DemoDriver(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                URI.create(options.getOrDefault("gateway", "http://127.0.0.1:8080")),
                URI.create(options.getOrDefault("sandbox", "http://127.0.0.1:9000")),
                secret, options.getOrDefault("command", "/book"),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "60"))));
        return demo.play() ? 0 : 1;
    }

    boolean play() {
        long start = System.nanoTime();
        List<Sample> accepted = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            SlackAppClient.Answer answer = member(sample).shareBook(command, sample.form());
            boolean ok = answer.status() == 200 && answer.body().isEmpty();
            out.printf("→ %s shares %s%n    form %s in %d ms%s%n", sample.userId(), sample.form().bookUrl(),
                    ok ? "accepted" : "REFUSED", answer.took().toMillis(), ok ? "" : ": " + answer.body());
            if (ok) {
                accepted.add(sample);
            }
        }
        SlackAppClient.Answer refused = member(OUTSIDE_THE_STORES).shareBook(command, OUTSIDE_THE_STORES.form());
        boolean refusedAsExpected = refused.status() == 200 && refused.body().contains("\"book_link\"");
        out.printf("→ %s shares %s%n    form %s: %s%n", OUTSIDE_THE_STORES.userId(), OUTSIDE_THE_STORES.form().bookUrl(),
                refusedAsExpected ? "shows a field error, nothing queued" : "UNEXPECTED ANSWER", refused.body());

        out.printf("%nWaiting for enrich-worker and notion-writer…%n%n");
        Map<String, Arrival> arrivals = awaitArrivals(accepted);
        for (Sample sample : accepted) {
            Arrival arrival = arrivals.get(sample.form().bookUrl());
            if (arrival == null) {
                out.printf("✘ %s did not arrive within %d s%n", sample.form().bookUrl(), timeout.toSeconds());
                continue;
            }
            NotionPageView page = arrival.page();
            out.printf("✔ %s%n", page.title());
            out.printf("    Notion page %s  %s%n", page.id(), page.url());
            out.printf("    cover %s%n", page.cover());
            out.printf("    category %s · recommender %s · job %s%n", page.categories(), page.recommender(), page.jobId());
            out.printf("    Slack %s ts %s: %s%n", arrival.message().get("channel"), arrival.message().get("ts"),
                    firstLine((String) arrival.message().get("text")));
        }
        boolean allArrived = arrivals.size() == accepted.size() && accepted.size() == SAMPLES.size();
        out.printf("%n%d/%d books archived with one page and one message each, bad link refused: %s, %.1f s%n",
                arrivals.size(), SAMPLES.size(), refusedAsExpected ? "yes" : "NO",
                (System.nanoTime() - start) / 1e9);
        return allArrived && refusedAsExpected;
    }

    record Arrival(NotionPageView page, Map<String, Object> message) {
    }

    private Map<String, Arrival> awaitArrivals(List<Sample> accepted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Arrival> arrivals = new HashMap<>();
        while (System.nanoTime() < deadline) {
            List<NotionPageView> pages = sandbox.notionPages().stream().map(NotionPageView::new).toList();
            List<Map<String, Object>> messages = sandbox.slackMessages();
            for (Sample sample : accepted) {
                pages.stream().filter(p -> sample.form().bookUrl().equals(p.bookUrl())).findFirst()
                        .flatMap(page -> messages.stream()
                                .filter(m -> String.valueOf(m.get("text")).contains(page.url()))
                                .findFirst()
                                .map(message -> new Arrival(page, message)))
                        .ifPresent(arrival -> arrivals.put(sample.form().bookUrl(), arrival));
            }
            if (arrivals.size() == accepted.size()) {
                break;
            }
            sleep(250);
        }
        return arrivals;
    }

    private SlackMember member(Sample sample) {
        return new SlackMember(sample.userId(), requests, gateway, sandbox);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg
                        + " (use --gateway=URL --sandbox=URL --signing-secret=S --command=/book --timeout-seconds=N)");
            }
        }
        return options;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

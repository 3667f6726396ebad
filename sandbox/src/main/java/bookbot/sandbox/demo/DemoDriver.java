package bookbot.sandbox.demo;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SlackAppClient;
import bookbot.sandbox.client.SlackMember;
import bookbot.sandbox.client.SlackRequests;

/**
 * Plays club members sharing books through a running gateway, exactly as Slack would deliver their clicks
 * (slash command → modal → view_submission, all signed), then prints where each book ended: its Notion page
 * and its channel message. {@link DemoCommand} runs it, against services that run or ones it launched.
 */
final class DemoDriver {

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

    boolean play() {
        long start = System.nanoTime();
        // The sandbox may have served earlier runs (a re-run against a running stack): only what appears after
        // this point counts. Pages and channel messages are only ever appended, so their counts mark the point.
        Since since = new Since(sandbox.notionPages().size(), sandbox.slackMessages().size());
        if (since.pages() > 0) {
            out.printf("(%d pages and %d messages from earlier runs are left aside)%n%n", since.pages(), since.messages());
        }
        List<SampleBooks.Share> accepted = new ArrayList<>();
        for (SampleBooks.Share sample : SampleBooks.ALL) {
            SlackAppClient.Answer answer = member(sample).shareBook(command, sample.form());
            boolean ok = answer.status() == 200 && answer.body().isEmpty();
            out.printf("→ %s shares %s%n    form %s in %d ms%s%n", sample.userId(), sample.form().bookUrl(),
                    ok ? "accepted" : "REFUSED", answer.took().toMillis(), ok ? "" : ": " + answer.body());
            if (ok) {
                accepted.add(sample);
            }
        }
        SampleBooks.Share outsider = SampleBooks.OUTSIDE_THE_STORES;
        SlackAppClient.Answer refused = member(outsider).shareBook(command, outsider.form());
        boolean refusedAsExpected = refused.status() == 200 && refused.body().contains("\"book_link\"");
        out.printf("→ %s shares %s%n    form %s: %s%n", outsider.userId(), outsider.form().bookUrl(),
                refusedAsExpected ? "shows a field error, nothing queued" : "UNEXPECTED ANSWER", refused.body());

        out.printf("%nWaiting for enrich-worker and notion-writer…%n%n");
        Map<String, Arrival> arrivals = awaitArrivals(accepted, since);
        for (SampleBooks.Share sample : accepted) {
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
        boolean allArrived = arrivals.size() == accepted.size() && accepted.size() == SampleBooks.ALL.size();
        boolean toured = allArrived && tour(arrivals);
        refusedAsExpected &= sandbox.notionPagesFrom(since.pages()).stream().map(NotionPageView::new)
                .noneMatch(page -> outsider.form().bookUrl().equals(page.bookUrl()));
        out.printf("%n%d/%d books archived with one page and one message each, bad link refused: %s, %.1f s%n",
                arrivals.size(), SampleBooks.ALL.size(), refusedAsExpected ? "yes" : "NO",
                (System.nanoTime() - start) / 1e9);
        return allArrived && refusedAsExpected && toured;
    }

    /** A duplicate of the first book and an edit, once every book arrived. */
    private boolean tour(Map<String, Arrival> arrivals) {
        ClubTour tour = new ClubTour(out, sandbox, userId -> new SlackMember(userId, requests, gateway, sandbox),
                command, timeout);
        boolean sameBook = tour.sameBookAgain(arrivals.get(SampleBooks.YES24.form().bookUrl()).page());
        Arrival aladin = arrivals.get(SampleBooks.ALADIN.form().bookUrl());
        boolean edited = tour.edit(SampleBooks.ALADIN, aladin.page(), aladin.message());
        out.printf("%nA book shared again kept its one page: %s; an edit reached the page and the message: %s%n",
                sameBook ? "yes" : "NO", edited ? "yes" : "NO");
        return sameBook && edited;
    }

    record Arrival(NotionPageView page, Map<String, Object> message) {
    }

    /** How many pages and channel messages the sandbox held when this run began. */
    record Since(int pages, int messages) {
    }

    private Map<String, Arrival> awaitArrivals(List<SampleBooks.Share> accepted, Since since) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Arrival> arrivals = new HashMap<>();
        while (System.nanoTime() < deadline) {
            // One page per book: on a re-run a book's share joins the page an earlier run made, so every page counts,
            // and its message of this run tells that it arrived.
            List<NotionPageView> pages = sandbox.notionPages().stream().map(NotionPageView::new).toList();
            List<Map<String, Object>> all = sandbox.slackMessages();
            List<Map<String, Object>> messages = all.subList(Math.min(since.messages(), all.size()), all.size());
            for (SampleBooks.Share sample : accepted) {
                List<NotionPageView> itsPages = pages.stream()
                        .filter(p -> sample.form().bookUrl().equals(p.bookUrl())).toList();
                if (itsPages.size() != 1) {
                    continue;
                }
                List<Map<String, Object>> itsMessages = messages.stream()
                        .filter(m -> String.valueOf(m.get("text")).contains(itsPages.getFirst().url())).toList();
                if (itsMessages.size() == 1) {
                    arrivals.put(sample.form().bookUrl(), new Arrival(itsPages.getFirst(), itsMessages.getFirst()));
                }
            }
            if (arrivals.size() == accepted.size()) {
                break;
            }
            sleep(250);
        }
        return arrivals;
    }

    private SlackMember member(SampleBooks.Share sample) {
        return new SlackMember(sample.userId(), requests, gateway, sandbox);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package bookbot.sandbox.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import bookbot.sandbox.client.FormValues;
import bookbot.sandbox.client.NotionPageView;
import bookbot.sandbox.client.OpenedModal;
import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.client.SlackMember;

/**
 * What members do once books are archived, played through the gateway as Slack would deliver it: a second member
 * shares a book that already has a page (through another form of its link), and a member edits their share from
 * its message's menu.
 */
final class ClubTour {

    /** The yes24 sample book again, as the store's mobile site links it. */
    static final String MOBILE_LINK = "https://m.yes24.com/Goods/Detail/106369008?pid=123#review";

    private final PrintStream out;
    private final SandboxClient sandbox;
    private final java.util.function.Function<String, SlackMember> members;
    private final String command;
    private final Duration timeout;

    ClubTour(PrintStream out, SandboxClient sandbox, java.util.function.Function<String, SlackMember> members,
            String command, Duration timeout) {
        this.out = out;
        this.sandbox = sandbox;
        this.members = members;
        this.command = command;
        this.timeout = timeout;
    }

    /** Alice shares the yes24 book through its mobile link: its page gains her reason, no second page is made. */
    boolean sameBookAgain(NotionPageView page) {
        out.printf("%n→ U0ALICE shares %s (the first book again, from the mobile site)%n", MOBILE_LINK);
        int messagesBefore = messagesLinking(page).size();
        members.apply("U0ALICE").shareBook(command, new FormValues(MOBILE_LINK, "경영/경제::재테크/금융/부동산",
                "Read it twice; the second time for the numbers.", null));
        Optional<NotionPageView> joined = await(() -> current(page).filter(p -> p.recommenderIds().contains("U0ALICE")
                && messagesLinking(p).size() == messagesBefore + 1));
        if (joined.isEmpty()) {
            out.printf("✘ the book's page did not gain U0ALICE's recommendation within %d s%n", timeout.toSeconds());
            return false;
        }
        long pagesOfTheBook = sandbox.notionPages().stream().map(NotionPageView::new)
                .filter(p -> page.bookKey() != null && page.bookKey().equals(p.bookKey())).count();
        out.printf("✔ still %d page for the book: %s%n    recommenders %s%n    Slack: %s%n", pagesOfTheBook,
                joined.get().url(), joined.get().recommender(), lastLine(messagesLinking(joined.get()).getLast()));
        return pagesOfTheBook == 1;
    }

    /** The member who shared {@code sample} edits its reason from the menu of {@code message}, their share's. */
    boolean edit(SampleBooks.Share sample, NotionPageView page, Map<String, Object> message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) message.get("metadata");
        SlackMember member = members.apply(sample.userId());
        SlackMember.MenuAnswer menu = member.pickInShareMenu((String) message.get("channel"), (String) message.get("ts"),
                "edit", metadata);
        Optional<OpenedModal> form = member.modalOpenedFor(menu.triggerId());
        if (form.isEmpty()) {
            out.printf("%n✘ Edit in the message's menu opened no form: %s%n", menu.answer().body());
            return false;
        }
        String reason = sample.form().reason() + " (edited at " + LocalTime.now().withNano(0) + ")";
        out.printf("%n→ %s picks Edit on their message; the form opens with \"%s\"; they save \"%s\"%n",
                sample.userId(), form.get().initialValue("reason"), reason);
        member.submit(form.get().asForm(), new FormValues(sample.form().bookUrl(), sample.form().category(), reason,
                sample.form().title()));
        Optional<NotionPageView> edited = await(() -> current(page).filter(p -> p.reason().contains(reason)
                && String.valueOf(now(message).get("text")).contains(reason)));
        if (edited.isEmpty()) {
            out.printf("✘ the page and its message did not show the edit within %d s%n", timeout.toSeconds());
            return false;
        }
        out.printf("✔ page %s says \"%s\"%n    Slack (updated in place): %s%n", edited.get().url(), edited.get().reason(),
                lastLine(now(message)));
        return true;
    }

    private Optional<NotionPageView> current(NotionPageView page) {
        return sandbox.notionPages().stream().map(NotionPageView::new).filter(p -> p.id().equals(page.id())).findFirst();
    }

    /** The message as the channel shows it now (edits update it in place). */
    private Map<String, Object> now(Map<String, Object> message) {
        return sandbox.slackMessages().stream().filter(m -> m.get("ts").equals(message.get("ts"))).findFirst()
                .orElse(message);
    }

    private List<Map<String, Object>> messagesLinking(NotionPageView page) {
        return sandbox.slackMessages().stream().filter(m -> String.valueOf(m.get("text")).contains(page.url())).toList();
    }

    private <T> Optional<T> await(Supplier<Optional<T>> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String lastLine(Map<String, Object> message) {
        List<String> lines = String.valueOf(message.get("text")).lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }
}

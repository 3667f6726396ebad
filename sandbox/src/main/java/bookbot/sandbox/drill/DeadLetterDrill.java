package bookbot.sandbox.drill;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;
import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.client.SandboxClient;

/**
 * The drill itself, against a running pipeline: Notion refuses the token, the demo's books die, an operator lists
 * and shows them with bookbot-admin, replays one too early (it dies again, with its history), asks the admin API
 * the same questions, dry-runs a discard and a replay, then fixes the token and replays them all: one through the
 * API, the rest with bookbot-admin. Prints each command and its output; waits on conditions, never a fixed time.
 */
final class DeadLetterDrill {

    /** Shown in place of the token, as an operator would type it. */
    private static final String TOKEN_HEADER = "-H \"Authorization: Bearer $BOOKBOT_ADMIN_TOKEN\"";

    private final Transcript transcript;
    private final BookbotAdmin admin;
    private final AdminApi api;
    private final SandboxClient sandbox;
    private final Members members;
    private final String gatewayUrl;
    private final Duration timeout;

    DeadLetterDrill(Transcript transcript, BookbotAdmin admin, AdminApi api, SandboxClient sandbox, Members members,
            String gatewayUrl, Duration timeout) {
        this.transcript = transcript;
        this.admin = admin;
        this.api = api;
        this.sandbox = sandbox;
        this.members = members;
        this.gatewayUrl = gatewayUrl;
        this.timeout = timeout;
    }

    /** @return where the books ended, and no dead letter left open: whether the drill went as expected */
    boolean run() {
        transcript.say("Notion now refuses the integration's token; the demo's members share their books…");
        sandbox.change(Fake.NOTION, KnobChange.of().failAuth(true));
        List<SampleBooks.Share> books = members.shareTheDemosBooks();
        if (books.size() != SampleBooks.ALL.size()) {
            throw new DrillFailure("the gateway accepted " + books.size() + " of the " + SampleBooks.ALL.size()
                    + " books' forms");
        }
        Await.required(books.size() + " dead letters", timeout,
                () -> Optional.of(api.openDeadLetters()).filter(open -> open.total() == books.size()));

        admin("dlq", "list");
        String first = api.openDeadLetters().letters().getFirst().id();
        admin("dlq", "show", first);

        transcript.note("replayed too early: Notion still refuses the token");
        admin("dlq", "replay", first, "--as", "alice");
        String again = Await.required("the replayed book to die again", timeout,
                () -> api.openDeadLetters().letters().stream().filter(letter -> letter.replays() > 0).findFirst())
                .id();
        transcript.command("./bookbot-admin dlq show " + again + " | sed -n 1,16p",
                Transcript.firstLines(admin.run("dlq", "show", again).output(), 16));

        String list = "/admin/dead-letters?limit=1";
        transcript.command("curl -s \"" + gatewayUrl + list + "\"", api.get(list, false));
        String byReason = "/admin/dead-letters?reason=401&limit=1";
        transcript.command("curl -s " + TOKEN_HEADER + " \"" + gatewayUrl + byReason + "\"", api.get(byReason, true));
        transcript.command("./bookbot-admin dlq discard --reason 401 --because \"shared twice\" --dry-run",
                Transcript.firstLines(admin.run("dlq", "discard", "--reason", "401", "--because", "shared twice",
                        "--dry-run").output(), 4));
        admin("dlq", "replay", "--reason", "401", "--dry-run");

        transcript.note("the Notion token is fixed");
        sandbox.change(Fake.NOTION, KnobChange.of().failAuth(false));
        String replayOne = "/admin/dead-letters/" + again + "/replay";
        transcript.command("curl -s " + TOKEN_HEADER + " -X POST " + gatewayUrl + replayOne
                + " -H \"Content-Type: application/json\" -d '{\"by\":\"alice\"}'", api.post(replayOne, "{\"by\":\"alice\"}"));
        admin("dlq", "replay", "--reason", "401", "--as", "alice");
        BookbotAdmin.Result gone = admin.run("dlq", "show", again);
        transcript.command("./bookbot-admin dlq show " + again + "; echo \"exit $?\"",
                gone.output() + (gone.output().endsWith("\n") || gone.output().isEmpty() ? "" : "\n")
                        + "exit " + gone.exitCode());

        Optional<Outcome> arrived = Await.until(timeout,
                () -> Optional.of(Outcome.of(sandbox, books)).filter(outcome -> outcome.complete(books.size())));
        admin("dlq", "list");
        Outcome outcome = arrived.orElseGet(() -> Outcome.of(sandbox, books));
        int open = api.openDeadLetters().total();
        transcript.say("");
        transcript.say("Notion pages: " + outcome.pages() + ", channel messages: " + outcome.messages());
        if (!outcome.complete(books.size()) || open != 0) {
            transcript.say("Expected " + books.size() + " pages and " + books.size() + " messages, one of each per"
                    + " book, and no dead letter; " + open + " dead letter(s) are open.");
            return false;
        }
        return true;
    }

    /** {@code ./bookbot-admin ARGS} and what it printed. */
    private void admin(String... arguments) {
        transcript.command("./bookbot-admin " + String.join(" ", arguments), admin.run(arguments).output());
    }
}

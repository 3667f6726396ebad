package bookbot.admin.digest;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.amqp.AmqpException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import bookbot.admin.AdminCli;
import bookbot.admin.ExitCodes;
import bookbot.core.digest.DigestMessage;
import bookbot.core.digest.DigestText;
import bookbot.core.digest.MonthlyDigest;
import bookbot.core.job.BookJob;
import bookbot.core.messaging.PublishFailedException;
import bookbot.integration.notion.BookShelf;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Print a month's digest as the channel would read it, from the Notion database.",
                "With --post, queue it for the notion-writer, which posts it in BOOKBOT_DIGEST_CHANNEL unless it is"
                        + " there already: still once per month, however often it is asked for.",
                "Needs NOTION_TOKEN, NOTION_DATABASE_ID; --post also the broker (SPRING_RABBITMQ_*, BOOKBOT_AMQP_NAMESPACE)."})
public class DigestCommand implements Callable<Integer> {

    @ParentCommand
    AdminCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the month, e.g. 2026-10")
    String month;

    @Option(names = "--dry-run", description = "only print the digest (the default)")
    boolean dryRun;

    @Option(names = "--post", description = "queue the digest job for the notion-writer to post (once per month)")
    boolean post;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "the club's time zone (default: BOOKBOT_DIGEST_ZONE, else UTC)")
    String zone;

    @Option(names = "--locale", paramLabel = "en|ko",
            description = "the digest's language (default: BOOKBOT_DIGEST_LOCALE, else BOOKBOT_LOCALE, else en)")
    String locale;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        YearMonth digested = parseMonth();
        if (dryRun && post) {
            throw new IllegalArgumentException("--dry-run and --post contradict each other: choose one");
        }
        ZoneId clubZone = ZoneId.of(zone != null ? zone : root.context().setting("bookbot.digest.zone", "UTC"));
        String language = locale != null ? locale : root.context().setting("bookbot.digest.locale",
                root.context().setting("bookbot.locale", "en"));
        Instant now = clock.instant();
        if (post && now.isBefore(digested.plusMonths(1).atDay(1).atStartOfDay(clubZone).toInstant())) {
            throw new IllegalArgumentException("the digest of " + digested + " can be posted once the month is over "
                    + "(in " + clubZone + "); --dry-run shows it so far");
        }
        BookShelf shelf = root.context().bookShelf();
        MonthlyDigest digest = MonthlyDigest.of(digested, clubZone, shelf.touchingMonth(digested, clubZone));
        DigestMessage message = new DigestText().render(digest, Locale.forLanguageTag(language), shelf.databaseUrl());
        PrintWriter out = spec.commandLine().getOut();
        out.println(message.plain());
        PrintWriter err = spec.commandLine().getErr();
        if (!post) {
            err.println("(not posted: --post queues it for the notion-writer)");
            return ExitCodes.DONE;
        }
        BookJob job = BookJob.digest(digested, language, now);
        try {
            root.context().queueForWriter(job);
        } catch (AmqpException | PublishFailedException e) {
            err.println(spec.commandLine().getColorScheme().errorText("the broker did not take the digest job: "
                    + e.getMessage()));
            return ExitCodes.UNAVAILABLE;
        }
        err.println("queued as job " + job.jobId() + ": the notion-writer posts it once in BOOKBOT_DIGEST_CHANNEL");
        return ExitCodes.DONE;
    }

    private YearMonth parseMonth() {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month must be a month as YYYY-MM (e.g. 2026-10), was " + month);
        }
    }
}

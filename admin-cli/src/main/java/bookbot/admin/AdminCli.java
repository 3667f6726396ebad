package bookbot.admin;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import bookbot.admin.digest.DigestCommand;
import bookbot.admin.dlq.DlqCommand;
import bookbot.admin.notion.NotionCommand;
import bookbot.core.deadletter.DeadLettersUnavailableException;
import bookbot.integration.notion.NotionDatabaseException;

/**
 * {@code bookbot-admin}: operator commands, run with the services' environment (SPRING_RABBITMQ_*,
 * BOOKBOT_AMQP_NAMESPACE for dead letters; NOTION_TOKEN, NOTION_DATABASE_ID for Notion).
 */
@Command(name = "bookbot-admin", mixinStandardHelpOptions = true, version = "bookbot-admin 0.1.0",
        subcommands = {DlqCommand.class, NotionCommand.class, DigestCommand.class},
        description = "Operator commands for bookbot.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done: everything asked for was listed, shown, replayed or discarded; the digest printed (and queued)",
                "1:partly done: some picked dead letters are still dead (see the report)",
                "2:usage error",
                "3:the broker or the dead-letter queue cannot be reached; Notion cannot answer now",
                "4:no dead letter has the id given; Notion shows no such database or page",
                "5:notion check: the database lacks properties the writer fills"})
public class AdminCli {

    private final AdminContext context;

    public AdminCli(AdminContext context) {
        this.context = context;
    }

    public AdminContext context() {
        return context;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return e instanceof NotionDatabaseException ? e : cause;
    }

    public static void main(String[] args) {
        int exitCode;
        try (AdminContext context = new AdminContext(Map.of())) {
            exitCode = commandLine(context).execute(args);
        }
        System.exit(exitCode);
    }

    public static CommandLine commandLine(AdminContext context) {
        CommandLine commandLine = new CommandLine(new AdminCli(context));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof DeadLettersUnavailableException || e instanceof IllegalArgumentException) {
                cl.getErr().println(cl.getColorScheme().errorText(e.getMessage()));
                return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.UNAVAILABLE;
            }
            Throwable cause = rootCause(e);
            if (cause instanceof NotionDatabaseException notion) {
                cl.getErr().println(cl.getColorScheme().errorText(notion.getMessage()));
                return switch (notion.kind()) {
                    case NOT_FOUND -> ExitCodes.NOT_FOUND;
                    case REFUSED -> ExitCodes.USAGE;
                    case UNAVAILABLE -> ExitCodes.UNAVAILABLE;
                };
            }
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                // a setting that is missing or wrong (NOTION_TOKEN not set, …), as Spring reported it
                cl.getErr().println(cl.getColorScheme().errorText(cause.getMessage()));
                return ExitCodes.USAGE;
            }
            throw e;
        });
        return commandLine;
    }
}

package bookbot.admin;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import bookbot.admin.dlq.DlqCommand;
import bookbot.core.deadletter.DeadLettersUnavailableException;

/**
 * {@code bookbot-admin}: operator commands, run next to the broker with the services' environment
 * (SPRING_RABBITMQ_*, BOOKBOT_AMQP_NAMESPACE).
 */
@Command(name = "bookbot-admin", mixinStandardHelpOptions = true, version = "bookbot-admin 0.1.0",
        subcommands = DlqCommand.class,
        description = "Operator commands for bookbot.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done: everything asked for was listed, shown, replayed or discarded",
                "1:partly done: some picked dead letters are still dead (see the report)",
                "2:usage error",
                "3:the broker or the dead-letter queue cannot be reached",
                "4:no dead letter has the id given"})
public class AdminCli {

    private final AdminContext context;

    public AdminCli(AdminContext context) {
        this.context = context;
    }

    public AdminContext context() {
        return context;
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
            throw e;
        });
        return commandLine;
    }
}

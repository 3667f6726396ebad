package bookbot.admin.dlq;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import bookbot.admin.AdminCli;
import bookbot.core.deadletter.DeadLetters;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List, inspect, replay and discard dead letters: jobs the pipeline gave up on.",
        subcommands = {ListCommand.class, ShowCommand.class, ReplayCommand.class, DiscardCommand.class})
public class DlqCommand {

    @ParentCommand
    AdminCli root;

    DeadLetters deadLetters() {
        return root.context().deadLetters();
    }
}

package bookbot.admin.notion;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import bookbot.admin.AdminCli;
import bookbot.integration.notion.NotionDatabases;
import bookbot.integration.notion.NotionSettings;

@Command(name = "notion", mixinStandardHelpOptions = true,
        description = "Create the club's Notion database, or check that one fits what the notion-writer fills.",
        subcommands = {SetupCommand.class, CheckCommand.class})
public class NotionCommand {

    @ParentCommand
    AdminCli root;

    NotionDatabases databases() {
        return root.context().notionDatabases();
    }

    NotionSettings settings() {
        return root.context().notionSettings();
    }
}

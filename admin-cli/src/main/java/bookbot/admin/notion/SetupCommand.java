package bookbot.admin.notion;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import bookbot.admin.ExitCodes;
import bookbot.integration.notion.NotionDatabases;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Create a database with every property bookbot writes under a page you name, and print its id.",
                "Share the page with the integration first (in Notion: ••• → Connections). Needs NOTION_TOKEN."})
class SetupCommand implements Callable<Integer> {

    @ParentCommand
    NotionCommand notion;

    @Spec
    CommandSpec spec;

    @Option(names = "--parent", required = true, paramLabel = "PAGE_ID",
            description = "the page to create the database in: its id, or its link (the 32 hex digits at the end)")
    String parent;

    @Option(names = "--title", defaultValue = "Book recommendations", description = "the database's title (default: ${DEFAULT-VALUE})")
    String title;

    @Override
    public Integer call() {
        NotionDatabases.Checked created = notion.databases().create(PageIds.fromIdOrLink(parent), title);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created the Notion database \"" + created.title() + "\": " + created.url());
        out.println("Give it to the notion-writer (in .env or its environment):");
        out.println();
        out.println("NOTION_DATABASE_ID=" + created.id());
        return ExitCodes.DONE;
    }
}

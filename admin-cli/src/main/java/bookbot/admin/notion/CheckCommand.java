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

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that the database has every property the notion-writer fills, with the right type",
                "(the writer runs the same check when it starts, and refuses to start on a misfit). Needs NOTION_TOKEN."})
class CheckCommand implements Callable<Integer> {

    @ParentCommand
    NotionCommand notion;

    @Spec
    CommandSpec spec;

    @Option(names = "--database", paramLabel = "DATABASE_ID", description = "the database to check (default: NOTION_DATABASE_ID)")
    String database;

    @Override
    public Integer call() {
        String id = database != null ? PageIds.fromIdOrLink(database) : notion.settings().requireDatabaseId();
        NotionDatabases.Checked checked = notion.databases().check(id);
        PrintWriter out = spec.commandLine().getOut();
        if (checked.fits()) {
            out.println("The Notion database \"" + checked.title() + "\" (" + checked.id()
                    + ") has every property bookbot writes" + (checked.missingOptional().isEmpty() ? "." : ", but for "
                    + "these optional ones (add them as Text properties in Notion; docs/features/sharing.md): "
                    + String.join(", ", checked.missingOptional())));
            return ExitCodes.DONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("The Notion database \"" + checked.title() + "\" (" + checked.id() + ") cannot take bookbot's pages:");
        checked.problems().forEach(problem -> err.println("  - " + problem));
        return ExitCodes.UNFIT;
    }
}

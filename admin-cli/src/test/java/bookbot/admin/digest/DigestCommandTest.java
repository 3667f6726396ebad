package bookbot.admin.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import bookbot.admin.AdminCli;
import bookbot.admin.AdminContext;
import bookbot.admin.ExitCodes;

/** {@code bookbot-admin digest}'s usage errors: answered before anything reaches Notion or the broker. */
class DigestCommandTest {

    private final AdminContext context = new AdminContext(Map.of());
    private final StringWriter err = new StringWriter();

    @AfterEach
    void close() {
        context.close();
    }

    private int run(String... arguments) {
        CommandLine commandLine = AdminCli.commandLine(context);
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(arguments);
    }

    @Test
    void aMonthThatIsNotYyyyMmIsAUsageError() {
        assertThat(run("digest", "--month", "2026-13")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--month must be a month as YYYY-MM");
    }

    @Test
    void dryRunAndPostTogetherAreAUsageError() {
        assertThat(run("digest", "--month", "2026-10", "--dry-run", "--post")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--dry-run and --post contradict each other");
    }

    @Test
    void theMonthIsRequired() {
        assertThat(run("digest")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--month");
    }
}

package bookbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page is rendered from a small recorded run: src/test/resources/recorded-run (its CSVs and a page). */
class ThreadsOrProcessesDocTest {

    private static final Path RUN = Path.of("src/test/resources/recorded-run");

    @TempDir
    Path dir;

    @Test
    void theIoTableIsRenderedFromTheWorkersCsv() throws Exception {
        String page = rendered();

        assertThat(region(page, "io-table"))
                .contains("| 1 × 256 | virtual | 256 | 208.3 | 393.8 | 53% | 2.58 s | 5.37 s | 6.3 ms | 9.6 ms | 208/s | 762 MB | 2.98 MB |")
                .contains("| 2 × 128 | platform | 256 | 108.7 |")
                .doesNotContain("stale");
    }

    @Test
    void everyCharacterOutsideTheRegionsIsLeftAsItWas() throws Exception {
        String before = Files.readString(RUN.resolve("page.md"));

        assertThat(outsideRegions(rendered())).isEqualTo(outsideRegions(before));
    }

    @Test
    void theFiguresAndTargetsAreDerivedFromTheSameRun() throws Exception {
        String page = rendered();

        assertThat(region(page, "cpu-table")).startsWith("Limit: 2 cores / 262 ms, the least machine CPU per job measured, = 7.6 jobs/s.");
        assertThat(region(page, "targets"))
                .contains("| I/O-bound, 1 process of virtual threads: ≥ 90% of Little's law at C = 256 | 208 jobs/s = 53% | no |")
                .contains("| … while the inline baseline's p99 exceeds 3 s | 942 ms at 200/s; 7.48 s at 400/s (2004 of 3200 over 3 s) | at 400/s, not at 200/s |");
        assertThat(region(page, "figures"))
                .contains("| 1 × 256 virtual: machine CPU per job → what 2 cores carry at it, and what was measured | 9.6 ms → 2 cores / 9.6 ms = 208 jobs/s; measured 208.3 |");
    }

    @Test
    void renderingTheSameRunAgainChangesNothing() throws Exception {
        String once = rendered();

        ThreadsOrProcessesDoc.update(RUN, dir.resolve("page.md"));

        assertThat(Files.readString(dir.resolve("page.md"))).isEqualTo(once);
    }

    private String rendered() throws Exception {
        Path page = dir.resolve("page.md");
        Files.copy(RUN.resolve("page.md"), page);
        ThreadsOrProcessesDoc.update(RUN, page);
        return Files.readString(page);
    }

    private static String region(String page, String name) {
        String start = "<!-- bench:" + name + ":start -->";
        return page.substring(page.indexOf(start) + start.length(), page.indexOf("<!-- bench:" + name + ":end -->")).strip();
    }

    private static String outsideRegions(String page) {
        return page.replaceAll("(?s)(<!-- bench:([a-z0-9-]+):start -->).*?(<!-- bench:\\2:end -->)", "$1$3");
    }
}

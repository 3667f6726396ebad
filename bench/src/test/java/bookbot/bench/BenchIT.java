package bookbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code ./benchmark --quick} as CI runs it: it must complete and write numbers that make sense. It asserts no
 * timings (a shared CI machine is no place for them); the numbers in docs/threads-or-processes.md come from the full run.
 */
class BenchIT {

    @Test
    void theQuickRunCompletesAndWritesSaneResults() throws Exception {
        Path out = Path.of("target/bench-quick").toAbsolutePath();
        Path page = Path.of("..").resolve(ThreadsOrProcessesDoc.PAGE);
        String pageBefore = Files.readString(page);

        int exit = BenchMain.run(new String[] {"--quick", "--out=" + out}, Path.of(".."));

        assertThat(exit).isZero();
        for (String file : List.of("workers.csv", "gateway.csv", "broker.csv", "results.md", "io-throughput.png",
                "io-memory.png", "cpu-throughput.png", "gateway-p99.png")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        List<String[]> workers = rows(out.resolve("workers.csv"));
        assertThat(workers).extracting(r -> r[0]).contains("io", "cpu", "broker", "notion");
        for (String[] row : workers) {
            double jobsPerSecond = Double.parseDouble(row[5]);
            double p50 = Double.parseDouble(row[7]);
            double p99 = Double.parseDouble(row[8]);
            double rssMb = Double.parseDouble(row[11]);
            assertThat(jobsPerSecond).as("jobs/s of %s", String.join(",", row)).isPositive();
            assertThat(p50).as("p50 of %s", String.join(",", row)).isPositive().isLessThanOrEqualTo(p99);
            assertThat(rssMb).as("RSS of %s", String.join(",", row)).isGreaterThan(50);
        }
        for (String[] row : rows(out.resolve("gateway.csv"))) {
            assertThat(Integer.parseInt(row[2])).as("sent").isPositive();
            assertThat(Double.parseDouble(row[5])).as("p50").isPositive().isLessThanOrEqualTo(Double.parseDouble(row[6]));
        }
        String[] broker = rows(out.resolve("broker.csv")).getFirst();
        assertThat(Double.parseDouble(broker[2])).as("PerfTest messages/s").isPositive();
        assertThat(Files.readString(page)).as("a quick run leaves %s alone", ThreadsOrProcessesDoc.PAGE).isEqualTo(pageBefore);
        assertTheCpuBoundConfigurationsSpendTheHashingOnEveryJob(workers);
    }

    /**
     * The hashing comes from bench-cpu-stage's jar, added to the CPU-bound configurations' enrich-workers only: if
     * it were missing they would cost the workers what the I/O-bound ones do. CPU time, not a timing: the hashing
     * costs the same CPU however busy the machine is.
     */
    private static void assertTheCpuBoundConfigurationsSpendTheHashingOnEveryJob(List<String[]> workers) {
        double ioMost = workers.stream().filter(r -> r[0].equals("io")).mapToDouble(r -> Double.parseDouble(r[9])).max()
                .orElseThrow();

        assertThat(workers.stream().filter(r -> r[0].equals("cpu")).map(r -> Double.parseDouble(r[9])))
                .as("worker CPU ms per job of the CPU-bound configurations, against the I/O-bound ones' most, %.1f ms", ioMost)
                .isNotEmpty().allSatisfy(ms -> assertThat(ms).isGreaterThan(2 * ioMost));
    }

    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
    }
}

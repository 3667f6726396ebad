package bookbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedRunTest {

    @TempDir
    Path dir;

    @Test
    void theResultFilesReadBackRenderTheTablesOfTheRunThatWroteThem() throws Exception {
        Results run = new Results();
        run.ioBound.add(worker("io", 1, 16, "virtual", 23.9, 1453, 2075, 22.22, 32.72, 436));
        run.ioBound.add(worker("io", 2, 8, "platform", 23.9, 1540, 1780, 30.0, 42.8, 823));
        run.cpuBound.add(worker("cpu", 1, 1, "platform", 4.3, 1384, 1485, 249.53, 267.91, 510));
        run.cpuBound.add(worker("cpu", 1, 2, "virtual", 7.5, 1059, 1153, 250.67, 262.27, 546));
        run.zeroLatencyPipeline = worker("broker", 1, 64, "virtual", 258.1, 477, 966, 4.91, 7.65, 788);
        run.brokerAlone = new PerfTestCeiling.Result(20115, 17809, 651);
        run.gateway.add(new GatewayLoad.Result("queued (bookbot-gateway)", 200, 1600, 0, 0, 2.0, 13.0, 47.0));
        run.notionLimited.add(worker("notion", 1, 4, "platform", 1.5, 7327, 18852, 41.0, 97.67, 404));
        ResultFiles.write(run, dir, 2, "./benchmark");

        RecordedRun read = RecordedRun.read(dir);

        assertThat(read.cores()).isEqualTo(2);
        assertThat(ResultFiles.markdown(read.results(), read.cores(), "./benchmark"))
                .isEqualTo(ResultFiles.markdown(run, 2, "./benchmark"));
    }

    /** Values at the precision the CSV keeps, so that reading them back loses nothing. */
    private static WorkerResult worker(String part, int processes, int threads, String kind, double jobsPerSecond,
            double p50, double p99, double workerCpu, double machineCpu, double rss) {
        return new WorkerResult(new WorkerConfig(part, processes, threads, kind, Map.of(), 0, 0), 100, jobsPerSecond,
                p50, p99, workerCpu, machineCpu, rss, 10, 0);
    }
}

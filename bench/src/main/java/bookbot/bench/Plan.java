package bookbot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import bookbot.sandbox.client.Fake;
import bookbot.sandbox.client.KnobChange;

/** Which configurations each part measures: the full grid, or a handful for {@code --quick}. */
final class Plan {

    /** Sandbox latencies of the I/O-bound parts. */
    static final Map<Fake, KnobChange> IO_LATENCIES = Map.of(
            Fake.OPENGRAPH, KnobChange.of().latencyMs(200), Fake.NOTION, KnobChange.of().latencyMs(300),
            Fake.SLACK, KnobChange.of().latencyMs(50));
    static final Map<Fake, KnobChange> NO_LATENCY = Map.of();
    static final Map<Fake, KnobChange> NOTION_LIMITED = Map.of(
            Fake.OPENGRAPH, KnobChange.of().latencyMs(200), Fake.NOTION, KnobChange.of().latencyMs(300).requestsPerSecond(3),
            Fake.SLACK, KnobChange.of().latencyMs(50));

    /**
     * About 230 ms of CPU per job on the 2-core CI machine (one thread does 4.3 jobs/s): large against what the
     * rest of the pipeline costs the machine per job (HTTP to the fakes, JSON, the broker), which competes for the
     * same two cores.
     */
    static final int CPU_HASHES = 375_000;

    private Plan() {
    }

    static List<WorkerConfig> ioBound(boolean quick) {
        List<WorkerConfig> configs = new ArrayList<>();
        if (quick) {
            configs.add(io(1, 64, "virtual"));
            configs.add(io(2, 2, "platform"));
            return configs;
        }
        for (String kind : List.of("platform", "virtual")) {
            for (int c : new int[] {1, 4, 16, 64, 256, 1024}) {
                configs.add(io(1, c, kind));
            }
        }
        for (int c : new int[] {16, 64, 256}) {
            for (int p : new int[] {2, 4, 8}) {
                configs.add(io(p, c / p, "platform"));
            }
        }
        return configs;
    }

    static List<WorkerConfig> cpuBound(boolean quick) {
        List<WorkerConfig> configs = new ArrayList<>();
        if (quick) {
            configs.add(cpu(1, 1, "platform"));
            configs.add(cpu(1, 2, "platform"));
            return configs;
        }
        for (String kind : List.of("platform", "virtual")) {
            for (int t : new int[] {1, 2, 4, 8}) {
                configs.add(cpu(1, t, kind));
            }
        }
        configs.add(cpu(2, 1, "platform"));
        configs.add(cpu(4, 1, "platform"));
        return configs;
    }

    static WorkerConfig zeroLatencyPipeline(boolean quick) {
        return new WorkerConfig("broker", 1, quick ? 16 : 64, "virtual", NO_LATENCY, 0, 0);
    }

    static List<Double> gatewayRates(boolean quick) {
        return quick ? List.of(50.0, 200.0) : List.of(25.0, 50.0, 100.0, 200.0, 400.0);
    }

    static List<WorkerConfig> notionLimited(boolean quick) {
        List<WorkerConfig> configs = new ArrayList<>();
        for (int p : quick ? new int[] {2} : new int[] {1, 2, 4}) {
            configs.add(new WorkerConfig("notion", p, 4, "platform", NOTION_LIMITED, 0, 3));
        }
        return configs;
    }

    private static WorkerConfig io(int processes, int threads, String kind) {
        return new WorkerConfig("io", processes, threads, kind, IO_LATENCIES, 0, 0);
    }

    private static WorkerConfig cpu(int processes, int threads, String kind) {
        return new WorkerConfig("cpu", processes, threads, kind, NO_LATENCY, CPU_HASHES, 0);
    }
}

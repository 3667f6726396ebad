package bookbot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one run measured, part by part. */
final class Results {

    /** I/O-bound: the Little's-law limit uses the slowest stage's external latency. */
    static final double IO_STAGE_SECONDS = 0.650;

    final List<WorkerResult> ioBound = new ArrayList<>();
    final List<WorkerResult> cpuBound = new ArrayList<>();
    WorkerResult zeroLatencyPipeline;
    PerfTestCeiling.Result brokerAlone;
    final List<GatewayLoad.Result> gateway = new ArrayList<>();
    final List<WorkerResult> notionLimited = new ArrayList<>();

    /** The measurement of one configuration, P × T on one kind of thread, if the run had it. */
    static Optional<WorkerResult> find(List<WorkerResult> part, int processes, int threads, String threadKind) {
        return part.stream().filter(r -> r.config().processes() == processes && r.config().threads() == threads
                && r.config().threadKind().equals(threadKind)).findFirst();
    }

    static double littleLimit(WorkerConfig config) {
        return config.concurrency() / IO_STAGE_SECONDS;
    }

    /**
     * The CPU-bound limit: every core busy with the CPU one job costs the machine. Measured CPU per job includes
     * what the machine spends anyway (idle JVMs, the driver's polling), which weighs most where throughput is
     * lowest, so the least CPU per job measured is the closest to the cost of a job itself.
     */
    double cpuLimit(int cores) {
        return cores * 1000 / cpuMsPerJob();
    }

    double cpuMsPerJob() {
        return cpuBound.stream().mapToDouble(WorkerResult::machineCpuMsPerJob).min().orElse(Double.NaN);
    }

    /** Jobs/s of the CPU-bound stage on one thread: what the other CPU-bound configurations are compared with. */
    double singleThreadCpuBound() {
        return cpuBound.stream().filter(r -> r.config().concurrency() == 1).mapToDouble(WorkerResult::jobsPerSecond)
                .findFirst().orElse(Double.NaN);
    }
}

package bookbot.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The Markdown tables of a run, one per part: results/results.md and docs/threads-or-processes.md show the same ones. */
final class ResultTables {

    private ResultTables() {
    }

    static String ioBound(List<WorkerResult> io, int cores) {
        StringBuilder md = new StringBuilder("| P × T | threads | C | jobs/s | Little limit | % of it | p50 | p99 | worker CPU/job | machine CPU/job | CPU ceiling | worker RSS | RSS / C |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WorkerResult r : io) {
            WorkerConfig c = r.config();
            double limit = Results.littleLimit(c);
            md.append(String.format(Locale.ROOT, "| %d × %d | %s | %d | %.1f | %.1f | %.0f%% | %s | %s | %.1f ms | %.1f ms | %.0f/s | %.0f MB | %.2f MB |%n",
                    c.processes(), c.threads(), c.threadKind(), c.concurrency(), r.jobsPerSecond(), limit,
                    100 * r.jobsPerSecond() / limit, seconds(r.p50Ms()), seconds(r.p99Ms()), r.workerCpuMsPerJob(),
                    r.machineCpuMsPerJob(),
                    cores * 1000 / r.machineCpuMsPerJob(), r.workerRssMb(), r.workerRssMb() / c.concurrency()));
        }
        return md.toString();
    }

    /**
     * Memory per unit of concurrency (one more consumer in each stage), from the I/O-bound runs: for threads the
     * slope of RSS between the smallest and largest C of one process; for processes the RSS added per extra process
     * of each stage at equal C, per consumer it adds.
     */
    static String memory(List<WorkerResult> io) {
        StringBuilder md = new StringBuilder("| unit of concurrency | MB each | from |\n|---|---:|---|\n");
        for (String kind : List.of("platform", "virtual")) {
            List<WorkerResult> one = io.stream().filter(r -> r.config().processes() == 1 && r.config().threadKind().equals(kind))
                    .sorted(Comparator.comparingInt(r -> r.config().concurrency())).toList();
            if (one.size() >= 2) {
                WorkerResult low = one.getFirst();
                WorkerResult high = one.getLast();
                md.append(String.format(Locale.ROOT, "| a %s thread (one consumer per stage) | %.2f | 1 × %d → 1 × %d: %.0f → %.0f MB |%n",
                        kind, (high.workerRssMb() - low.workerRssMb()) / (high.config().concurrency() - low.config().concurrency()),
                        low.config().concurrency(), high.config().concurrency(), low.workerRssMb(), high.workerRssMb()));
            }
        }
        io.stream().filter(r -> r.config().processes() > 1).max(Comparator.comparingInt(r -> r.config().processes()))
                .ifPresent(split -> io.stream().filter(r -> r.config().processes() == 1
                        && r.config().concurrency() == split.config().concurrency() && r.config().threadKind().equals("platform"))
                        .findFirst().ifPresent(single -> md.append(String.format(Locale.ROOT,
                                "| one more process in each stage | %.0f | 1 × %d → %d × %d at C = %d: %.0f → %.0f MB |%n",
                                (split.workerRssMb() - single.workerRssMb()) / (split.config().processes() - 1),
                                single.config().threads(), split.config().processes(), split.config().threads(),
                                split.config().concurrency(), single.workerRssMb(), split.workerRssMb()))));
        return md.toString();
    }

    static String cpuBound(Results results, int cores) {
        double cpuLimit = results.cpuLimit(cores);
        StringBuilder md = new StringBuilder("| P × T | threads | C | jobs/s | × one thread | % of limit | p50 | worker CPU/job | machine CPU/job | worker RSS |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double single = results.singleThreadCpuBound();
        for (WorkerResult r : results.cpuBound) {
            WorkerConfig c = r.config();
            md.append(String.format(Locale.ROOT, "| %d × %d | %s | %d | %.1f | %.2f× | %.0f%% | %s | %.1f ms | %.1f ms | %.0f MB |%n",
                    c.processes(), c.threads(), c.threadKind(), c.concurrency(), r.jobsPerSecond(), r.jobsPerSecond() / single,
                    100 * r.jobsPerSecond() / cpuLimit, seconds(r.p50Ms()), r.workerCpuMsPerJob(), r.machineCpuMsPerJob(),
                    r.workerRssMb()));
        }
        return md.toString();
    }

    static String brokerCeiling(PerfTestCeiling.Result broker, WorkerResult pipeline) {
        StringBuilder md = new StringBuilder("| what | messages/s | jobs/s |\n|---|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| PerfTest, broker alone (received) | %.0f | — |%n", broker.receivedPerSecond()));
        md.append(String.format(Locale.ROOT, "| pipeline, zero-latency fakes, %s (2 messages per job) | %.0f | %.1f |%n",
                pipeline.config().label(), 2 * pipeline.jobsPerSecond(), pipeline.jobsPerSecond()));
        md.append(String.format(Locale.ROOT, "| pipeline as a fraction of the broker alone | %.1f%% | |%n",
                100 * 2 * pipeline.jobsPerSecond() / broker.receivedPerSecond()));
        return md.toString();
    }

    static String gateway(List<GatewayLoad.Result> gateway) {
        StringBuilder md = new StringBuilder("| gateway | rate/s | sent | errors | over 3 s | p50 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (GatewayLoad.Result g : gateway) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %d | %s | %s | %s |%n", g.target(), g.ratePerSecond(),
                    g.sent(), g.errors(), g.overBudget(), seconds(g.p50Ms()), seconds(g.p99Ms()), seconds(g.maxMs())));
        }
        return md.toString();
    }

    static String notionLimited(List<WorkerResult> notion) {
        StringBuilder md = new StringBuilder("| writers P × T | jobs/s | % of 1.5 | Notion calls | answered 429 |\n|---|---:|---:|---:|---:|\n");
        for (WorkerResult r : notion) {
            md.append(String.format(Locale.ROOT, "| %d × %d | %.2f | %.0f%% | %d | %d |%n", r.config().processes(),
                    r.config().threads(), r.jobsPerSecond(), 100 * r.jobsPerSecond() / 1.5, r.notionCalls(), r.notion429()));
        }
        return md.toString();
    }

    static String seconds(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
}

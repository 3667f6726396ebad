package bookbot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The figures docs/threads-or-processes.md's findings rest on, derived from the tables (shares, ratios, what the
 * cores can carry), so that no number in its prose has to be copied by hand. A figure whose configurations the run
 * lacks is left out.
 */
final class KeyFigures {

    private final Results results;
    private final int cores;
    private final List<String> rows = new ArrayList<>();

    private KeyFigures(Results results, int cores) {
        this.results = results;
        this.cores = cores;
    }

    static String render(Results results, int cores) {
        KeyFigures figures = new KeyFigures(results, cores);
        figures.littleShares();
        figures.cpuCeilingAt256();
        figures.virtualAgainstPlatform();
        figures.processesAgainstThreads();
        figures.cpuBoundCeiling();
        figures.gateway();
        return "| figure | value |\n|---|---|\n" + String.join("", figures.rows);
    }

    private void littleShares() {
        shareRange("I/O-bound, share of the Little limit at C ≤ 16, every split", r -> r.config().concurrency() <= 16);
        Optional<WorkerResult> platform = io(1, 64, "platform");
        Optional<WorkerResult> virtual = io(1, 64, "virtual");
        if (platform.isPresent() && virtual.isPresent()) {
            add("I/O-bound, share of the Little limit at 1 × 64", "%.0f%% platform, %.0f%% virtual",
                    100 * share(platform.get()), 100 * share(virtual.get()));
        }
    }

    private void cpuCeilingAt256() {
        io(1, 256, "virtual").ifPresent(r -> {
            double limit = Results.littleLimit(r.config());
            add("1 × 256 virtual: machine CPU per job → what " + cores + " cores carry at it, and what was measured",
                    "%.1f ms → %d cores / %.1f ms = %.0f jobs/s; measured %.1f", r.machineCpuMsPerJob(), cores,
                    r.machineCpuMsPerJob(), carried(r.machineCpuMsPerJob()), r.jobsPerSecond());
            add("cores that 90% of the Little limit at C = 256 would need at that CPU per job",
                    "%.1f (%.0f jobs/s × %.1f ms)", 0.9 * limit * r.machineCpuMsPerJob() / 1000, 0.9 * limit,
                    r.machineCpuMsPerJob());
            add("what " + cores + " cores would carry at the workers' own CPU per job (1 × 256 virtual), the rest elsewhere",
                    "%.1f ms → %.0f jobs/s, %.0f%% of the Little limit", r.workerCpuMsPerJob(),
                    carried(r.workerCpuMsPerJob()), 100 * carried(r.workerCpuMsPerJob()) / limit);
        });
    }

    private void virtualAgainstPlatform() {
        for (int c : new int[] {256, 1024}) {
            Optional<WorkerResult> virtual = io(1, c, "virtual");
            Optional<WorkerResult> platform = io(1, c, "platform");
            if (virtual.isPresent() && platform.isPresent()) {
                WorkerResult v = virtual.get();
                WorkerResult p = platform.get();
                add("virtual against platform threads at 1 × " + c + ": jobs/s; machine CPU per job; worker RSS",
                        "%.1f against %.1f (%.2f×); %.1f against %.1f ms; %.0f against %.0f MB", v.jobsPerSecond(),
                        p.jobsPerSecond(), v.jobsPerSecond() / p.jobsPerSecond(), v.machineCpuMsPerJob(),
                        p.machineCpuMsPerJob(), v.workerRssMb(), p.workerRssMb());
            }
        }
        double widest = 0;
        for (WorkerResult v : results.ioBound) {
            if (v.config().processes() == 1 && v.config().threadKind().equals("virtual") && v.config().concurrency() <= 64) {
                Optional<WorkerResult> p = io(1, v.config().threads(), "platform");
                if (p.isPresent()) {
                    widest = Math.max(widest, Math.abs(v.jobsPerSecond() / p.get().jobsPerSecond() - 1));
                }
            }
        }
        if (widest > 0) {
            add("virtual against platform threads at C ≤ 64: the widest gap in jobs/s", "%.0f%%", 100 * widest);
        }
    }

    private void processesAgainstThreads() {
        pair(io(1, 16, "platform"), io(8, 2, "platform"), "C = 16, one process in each stage against eight: jobs/s; worker RSS",
                (one, eight) -> String.format(Locale.ROOT, "%.1f against %.1f; %.0f against %.0f MB", one.jobsPerSecond(),
                        eight.jobsPerSecond(), one.workerRssMb(), eight.workerRssMb()));
        pair(io(1, 64, "platform"), io(8, 8, "platform"), "C = 64, 1 × 64 against 8 × 8: jobs/s; machine CPU per job",
                (one, eight) -> String.format(Locale.ROOT, "%.1f against %.1f; %.1f against %.1f ms", one.jobsPerSecond(),
                        eight.jobsPerSecond(), one.machineCpuMsPerJob(), eight.machineCpuMsPerJob()));
    }

    private void cpuBoundCeiling() {
        double single = results.singleThreadCpuBound();
        if (!Double.isNaN(single)) {
            add("CPU-bound: the limit against one thread", "%.1f / %.1f jobs/s = %.2f×", results.cpuLimit(cores), single,
                    results.cpuLimit(cores) / single);
        }
    }

    private void gateway() {
        List<GatewayLoad.Result> queued = results.gateway.stream().filter(g -> g.target().startsWith("queued")).toList();
        if (!queued.isEmpty()) {
            add("queued gateway: p99 at every rate", "from %s to %s",
                    ResultTables.seconds(queued.stream().mapToDouble(GatewayLoad.Result::p99Ms).min().orElseThrow()),
                    ResultTables.seconds(queued.stream().mapToDouble(GatewayLoad.Result::p99Ms).max().orElseThrow()));
        }
        List<GatewayLoad.Result> inline = results.gateway.stream().filter(g -> g.target().startsWith("inline")).toList();
        if (!inline.isEmpty()) {
            double callsMs = inline.getFirst().p50Ms();
            add("inline baseline: the time its calls take (p50 at the lowest rate) → the submissions/s its "
                    + InlineGateway.REQUEST_THREADS + " request threads carry", "%s → %.0f/s", ResultTables.seconds(callsMs),
                    InlineGateway.REQUEST_THREADS * 1000 / callsMs);
            GatewayLoad.Result fastest = inline.getLast();
            add("inline baseline: submissions over Slack's 3 s at the highest rate", "%d of %d (%.0f%%) at %.0f/s",
                    fastest.overBudget(), fastest.sent(), 100.0 * fastest.overBudget() / fastest.sent(), fastest.ratePerSecond());
        }
    }

    private void shareRange(String figure, Predicate<WorkerResult> which) {
        List<WorkerResult> matching = results.ioBound.stream().filter(which).toList();
        if (!matching.isEmpty()) {
            add(figure, "%.0f–%.0f%%", 100 * matching.stream().mapToDouble(KeyFigures::share).min().orElseThrow(),
                    100 * matching.stream().mapToDouble(KeyFigures::share).max().orElseThrow());
        }
    }

    private void pair(Optional<WorkerResult> a, Optional<WorkerResult> b, String figure,
            java.util.function.BiFunction<WorkerResult, WorkerResult, String> value) {
        if (a.isPresent() && b.isPresent()) {
            rows.add("| " + figure + " | " + value.apply(a.get(), b.get()) + " |\n");
        }
    }

    private Optional<WorkerResult> io(int processes, int threads, String kind) {
        return Results.find(results.ioBound, processes, threads, kind);
    }

    private static double share(WorkerResult r) {
        return r.jobsPerSecond() / Results.littleLimit(r.config());
    }

    private double carried(double cpuMsPerJob) {
        return cores * 1000 / cpuMsPerJob;
    }

    private void add(String figure, String format, Object... args) {
        rows.add("| " + figure + " | " + String.format(Locale.ROOT, format, args) + " |\n");
    }
}

package bookbot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The targets against what a run measured; a target whose configurations the run lacks is left out. */
final class TargetsTable {

    private TargetsTable() {
    }

    static String render(Results results) {
        List<String> rows = new ArrayList<>();
        Results.find(results.ioBound, 1, 256, "virtual").ifPresent(r -> rows.add(littleShare(
                "I/O-bound, 1 process of virtual threads: ≥ 90% of Little's law at C = 256", r, 0.90)));
        Results.find(results.ioBound, 1, 1024, "virtual").ifPresent(r -> rows.add(littleShare(
                "… and ≥ 70% at C = 1024", r, 0.70)));
        cpuScaling(results).ifPresent(rows::add);
        gatewayAck(results).ifPresent(rows::add);
        inlineOverBudget(results).ifPresent(rows::add);
        rows.add("| memory per unit of concurrency | part 1's memory table | stated |\n");
        return "| target (issue) | measured | met? |\n|---|---|---|\n" + String.join("", rows);
    }

    private static String littleShare(String target, WorkerResult r, double wanted) {
        double share = r.jobsPerSecond() / Results.littleLimit(r.config());
        return row(target, String.format(Locale.ROOT, "%.0f jobs/s = %.0f%%", r.jobsPerSecond(), 100 * share),
                share >= wanted);
    }

    private static Optional<String> cpuScaling(Results results) {
        double single = results.singleThreadCpuBound();
        Optional<WorkerResult> platform = Results.find(results.cpuBound, 1, 2, "platform");
        Optional<WorkerResult> virtual = Results.find(results.cpuBound, 1, 2, "virtual");
        Optional<WorkerResult> best = results.cpuBound.stream().max((a, b) -> Double.compare(a.jobsPerSecond(), b.jobsPerSecond()));
        if (platform.isEmpty() || virtual.isEmpty() || best.isEmpty() || Double.isNaN(single)) {
            return Optional.empty();
        }
        double p = platform.get().jobsPerSecond() / single;
        double v = virtual.get().jobsPerSecond() / single;
        return Optional.of(row("CPU-bound: 1 process × 2 threads ≥ 1.8× one thread", String.format(Locale.ROOT,
                "%.2f× (platform), %.2f× (virtual); the most, %.2f×, with %s", p, v,
                best.get().jobsPerSecond() / single, label(best.get().config())), Math.max(p, v) >= 1.8));
    }

    private static Optional<String> gatewayAck(Results results) {
        List<GatewayLoad.Result> queued = results.gateway.stream().filter(g -> g.target().startsWith("queued")).toList();
        return queued.stream().filter(g -> g.ratePerSecond() == 200).findFirst().map(at200 -> {
            GatewayLoad.Result fastest = queued.getLast();
            int errors = queued.stream().mapToInt(GatewayLoad.Result::errors).sum();
            return row("gateway ack p99 ≤ 50 ms at 200 submissions/s, publisher confirms", String.format(Locale.ROOT,
                    "%s (%s at %.0f/s), %d errors", ResultTables.seconds(at200.p99Ms()),
                    ResultTables.seconds(fastest.p99Ms()), fastest.ratePerSecond(), errors),
                    at200.p99Ms() <= 50 && errors == 0);
        });
    }

    private static Optional<String> inlineOverBudget(Results results) {
        List<GatewayLoad.Result> inline = results.gateway.stream().filter(g -> g.target().startsWith("inline")).toList();
        return inline.stream().filter(g -> g.ratePerSecond() == 200).findFirst().map(at200 -> {
            GatewayLoad.Result fastest = inline.getLast();
            String measured = String.format(Locale.ROOT, "%s at 200/s; %s at %.0f/s (%d of %d over 3 s)",
                    ResultTables.seconds(at200.p99Ms()), ResultTables.seconds(fastest.p99Ms()), fastest.ratePerSecond(),
                    fastest.overBudget(), fastest.sent());
            boolean at200Over = at200.p99Ms() > 3000;
            String met = at200Over ? "yes"
                    : fastest.p99Ms() > 3000 ? String.format(Locale.ROOT, "at %.0f/s, not at 200/s", fastest.ratePerSecond())
                    : "no";
            return "| … while the inline baseline's p99 exceeds 3 s | " + measured + " | " + met + " |\n";
        });
    }

    private static String label(WorkerConfig c) {
        return c.processes() + " × " + c.threads() + " " + c.threadKind();
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "no") + " |\n";
    }
}

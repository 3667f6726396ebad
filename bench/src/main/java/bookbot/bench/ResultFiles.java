package bookbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the results as CSV (one file per kind of measurement) and as the Markdown tables docs/threads-or-processes.md shows. */
final class ResultFiles {

    private ResultFiles() {
    }

    static void write(Results results, Path out, int cores, String command) throws IOException {
        Files.createDirectories(out);
        StringBuilder workers = new StringBuilder("part,processes,threads,thread_kind,concurrency,jobs_per_s,"
                + "little_limit_jobs_per_s,p50_ms,p99_ms,worker_cpu_ms_per_job,machine_cpu_ms_per_job,worker_rss_mb,"
                + "notion_calls,notion_429\n");
        List<WorkerResult> all = new ArrayList<>(results.ioBound);
        all.addAll(results.cpuBound);
        if (results.zeroLatencyPipeline != null) {
            all.add(results.zeroLatencyPipeline);
        }
        all.addAll(results.notionLimited);
        for (WorkerResult r : all) {
            WorkerConfig c = r.config();
            workers.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%d,%.2f,%.2f,%.0f,%.0f,%.2f,%.2f,%.0f,%d,%d%n", c.part(),
                    c.processes(), c.threads(), c.threadKind(), c.concurrency(), r.jobsPerSecond(),
                    c.part().equals("io") ? Results.littleLimit(c) : Double.NaN, r.p50Ms(), r.p99Ms(),
                    r.workerCpuMsPerJob(), r.machineCpuMsPerJob(), r.workerRssMb(), r.notionCalls(), r.notion429()));
        }
        Files.writeString(out.resolve("workers.csv"), workers, StandardCharsets.UTF_8);

        StringBuilder gateway = new StringBuilder("target,rate_per_s,sent,errors,over_3s,p50_ms,p99_ms,max_ms\n");
        for (GatewayLoad.Result g : results.gateway) {
            gateway.append(String.format(Locale.ROOT, "%s,%.0f,%d,%d,%d,%.1f,%.1f,%.1f%n", g.target(), g.ratePerSecond(),
                    g.sent(), g.errors(), g.overBudget(), g.p50Ms(), g.p99Ms(), g.maxMs()));
        }
        Files.writeString(out.resolve("gateway.csv"), gateway, StandardCharsets.UTF_8);

        if (results.brokerAlone != null) {
            Files.writeString(out.resolve("broker.csv"), String.format(Locale.ROOT,
                    "message_bytes,perftest_sent_per_s,perftest_received_per_s,pipeline_jobs_per_s,pipeline_messages_per_s%n"
                            + "%d,%.0f,%.0f,%.1f,%.1f%n", results.brokerAlone.messageBytes(), results.brokerAlone.sentPerSecond(),
                    results.brokerAlone.receivedPerSecond(), results.zeroLatencyPipeline.jobsPerSecond(),
                    2 * results.zeroLatencyPipeline.jobsPerSecond()), StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("results.md"), markdown(results, cores, command), StandardCharsets.UTF_8);
    }

    static String markdown(Results results, int cores, String command) {
        StringBuilder md = new StringBuilder();
        md.append("Produced by `").append(command).append("` on ").append(cores).append(" cores.\n\n");
        md.append("**1. I/O-bound** (sandbox latency: OpenGraph 200 ms, Notion 300 ms, Slack 50 ms; the write stage "
                + "waits 650 ms per job, so the Little's-law limit is C / 0.65 s)\n\n");
        md.append("| P × T | threads | C | jobs/s | Little limit | % of it | p50 | p99 | worker CPU/job | machine CPU/job | CPU ceiling | worker RSS | RSS / C |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (WorkerResult r : results.ioBound) {
            WorkerConfig c = r.config();
            double limit = Results.littleLimit(c);
            md.append(String.format(Locale.ROOT, "| %d × %d | %s | %d | %.1f | %.1f | %.0f%% | %s | %s | %.1f ms | %.1f ms | %.0f/s | %.0f MB | %.2f MB |%n",
                    c.processes(), c.threads(), c.threadKind(), c.concurrency(), r.jobsPerSecond(), limit,
                    100 * r.jobsPerSecond() / limit, seconds(r.p50Ms()), seconds(r.p99Ms()), r.workerCpuMsPerJob(),
                    r.machineCpuMsPerJob(),
                    cores * 1000 / r.machineCpuMsPerJob(), r.workerRssMb(), r.workerRssMb() / c.concurrency()));
        }
        md.append("\n*Latency* is from publish to page with 2C + 4 jobs kept in the pipeline, so it includes waiting in "
                + "the queue of the slowest stage. *Worker CPU/job*: CPU of the worker processes per job. *Machine "
                + "CPU/job*: CPU of the whole machine (workers, sandbox, broker, driver) per job; where throughput is low "
                + "it includes what the machine spends anyway. *CPU ceiling*: the jobs/s the cores could carry at that "
                + "machine CPU per job.\n");
        md.append(memory(results.ioBound));
        double cpuLimit = results.cpuLimit(cores);
        md.append(String.format(Locale.ROOT, "%n**2. CPU-bound** (zero-latency sandbox; the enrich stage spends a fixed "
                + "amount of CPU per job; limit = %d cores / least machine CPU per job measured (%.0f ms) = %.1f jobs/s)%n%n",
                cores, results.cpuMsPerJob(), cpuLimit));
        md.append("| P × T | threads | C | jobs/s | × one thread | % of limit | p50 | machine CPU/job | worker RSS |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        double single = results.cpuBound.stream().filter(r -> r.config().concurrency() == 1).mapToDouble(WorkerResult::jobsPerSecond)
                .findFirst().orElse(Double.NaN);
        for (WorkerResult r : results.cpuBound) {
            WorkerConfig c = r.config();
            md.append(String.format(Locale.ROOT, "| %d × %d | %s | %d | %.1f | %.2f× | %.0f%% | %s | %.1f ms | %.0f MB |%n",
                    c.processes(), c.threads(), c.threadKind(), c.concurrency(), r.jobsPerSecond(), r.jobsPerSecond() / single,
                    100 * r.jobsPerSecond() / cpuLimit, seconds(r.p50Ms()), r.machineCpuMsPerJob(), r.workerRssMb()));
        }
        if (results.brokerAlone != null) {
            PerfTestCeiling.Result b = results.brokerAlone;
            WorkerResult p = results.zeroLatencyPipeline;
            md.append(String.format(Locale.ROOT, "%n**3. Broker ceiling** (RabbitMQ PerfTest: 1 producer, 1 consumer, quorum "
                    + "queue, persistent %d-byte messages, confirms, manual acks)%n%n", b.messageBytes()));
            md.append("| what | messages/s | jobs/s |\n|---|---:|---:|\n");
            md.append(String.format(Locale.ROOT, "| PerfTest, broker alone (received) | %.0f | — |%n", b.receivedPerSecond()));
            md.append(String.format(Locale.ROOT, "| pipeline, zero-latency fakes, %s (2 messages per job) | %.0f | %.1f |%n",
                    p.config().label(), 2 * p.jobsPerSecond(), p.jobsPerSecond()));
            md.append(String.format(Locale.ROOT, "| pipeline as a fraction of the broker alone | %.1f%% | |%n",
                    100 * 2 * p.jobsPerSecond() / b.receivedPerSecond()));
        }
        md.append("\n**4. Slack's 3-second budget** (signed view_submission requests at a fixed rate; latency from the "
                + "scheduled send to the answer; sandbox latencies as in 1)\n\n");
        md.append("| gateway | rate/s | sent | errors | over 3 s | p50 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (GatewayLoad.Result g : results.gateway) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %d | %s | %s | %s |%n", g.target(), g.ratePerSecond(),
                    g.sent(), g.errors(), g.overBudget(), seconds(g.p50Ms()), seconds(g.p99Ms()), seconds(g.maxMs())));
        }
        md.append("\n**5. The real-world ceiling** (as 1, with the sandbox's Notion enforcing 3 requests/s and the "
                + "writers sharing a limit of 3/s; a job takes 2 Notion calls, so 1.5 jobs/s is the ceiling)\n\n");
        md.append("| writers P × T | jobs/s | % of 1.5 | Notion calls | answered 429 |\n|---|---:|---:|---:|---:|\n");
        for (WorkerResult r : results.notionLimited) {
            md.append(String.format(Locale.ROOT, "| %d × %d | %.2f | %.0f%% | %d | %d |%n", r.config().processes(),
                    r.config().threads(), r.jobsPerSecond(), 100 * r.jobsPerSecond() / 1.5, r.notionCalls(), r.notion429()));
        }
        return md.toString();
    }

    /**
     * Memory per unit of concurrency (one more consumer in each stage), from the I/O-bound runs: for threads the
     * slope of RSS between the smallest and largest C of one process; for processes the RSS added per extra process
     * of each stage at equal C, per consumer it adds.
     */
    static String memory(List<WorkerResult> io) {
        StringBuilder md = new StringBuilder("\n| unit of concurrency | MB each | from |\n|---|---:|---|\n");
        for (String kind : List.of("platform", "virtual")) {
            List<WorkerResult> one = io.stream().filter(r -> r.config().processes() == 1 && r.config().threadKind().equals(kind))
                    .sorted(java.util.Comparator.comparingInt(r -> r.config().concurrency())).toList();
            if (one.size() >= 2) {
                WorkerResult low = one.getFirst();
                WorkerResult high = one.getLast();
                md.append(String.format(Locale.ROOT, "| a %s thread (one consumer per stage) | %.2f | 1 × %d → 1 × %d: %.0f → %.0f MB |%n",
                        kind, (high.workerRssMb() - low.workerRssMb()) / (high.config().concurrency() - low.config().concurrency()),
                        low.config().concurrency(), high.config().concurrency(), low.workerRssMb(), high.workerRssMb()));
            }
        }
        io.stream().filter(r -> r.config().processes() > 1).max(java.util.Comparator.comparingInt(r -> r.config().processes()))
                .ifPresent(split -> io.stream().filter(r -> r.config().processes() == 1
                        && r.config().concurrency() == split.config().concurrency() && r.config().threadKind().equals("platform"))
                        .findFirst().ifPresent(single -> md.append(String.format(Locale.ROOT,
                                "| one more process in each stage | %.0f | 1 × %d → %d × %d at C = %d: %.0f → %.0f MB |%n",
                                (split.workerRssMb() - single.workerRssMb()) / (split.config().processes() - 1),
                                single.config().threads(), split.config().processes(), split.config().threads(),
                                split.config().concurrency(), single.workerRssMb(), split.workerRssMb()))));
        return md.toString();
    }

    private static String seconds(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
}

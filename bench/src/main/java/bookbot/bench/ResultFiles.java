package bookbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the results as CSV (one file per kind of measurement) and as Markdown: each part's table under a caption. */
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
        md.append(ResultTables.ioBound(results.ioBound, cores));
        md.append("\n*Latency* is from publish to page with 2C + 4 jobs kept in the pipeline, so it includes waiting in "
                + "the queue of the slowest stage. *Worker CPU/job*: CPU of the worker processes per job. *Machine "
                + "CPU/job*: CPU of the whole machine (workers, sandbox, broker, driver) per job; where throughput is low "
                + "it includes what the machine spends anyway. *CPU ceiling*: the jobs/s the cores could carry at that "
                + "machine CPU per job.\n\n");
        md.append(ResultTables.memory(results.ioBound));
        md.append(String.format(Locale.ROOT, "%n**2. CPU-bound** (zero-latency sandbox; the enrich stage spends a fixed "
                + "amount of CPU per job; limit = %d cores / least machine CPU per job measured (%.0f ms) = %.1f jobs/s)%n%n",
                cores, results.cpuMsPerJob(), results.cpuLimit(cores)));
        md.append(ResultTables.cpuBound(results, cores));
        if (results.brokerAlone != null) {
            md.append(String.format(Locale.ROOT, "%n**3. Broker ceiling** (RabbitMQ PerfTest: 1 producer, 1 consumer, quorum "
                    + "queue, persistent %d-byte messages, confirms, manual acks)%n%n", results.brokerAlone.messageBytes()));
            md.append(ResultTables.brokerCeiling(results.brokerAlone, results.zeroLatencyPipeline));
        }
        md.append("\n**4. Slack's 3-second budget** (signed view_submission requests at a fixed rate; latency from the "
                + "scheduled send to the answer; sandbox latencies as in 1)\n\n");
        md.append(ResultTables.gateway(results.gateway));
        md.append("\n**5. The real-world ceiling** (as 1, with the sandbox's Notion enforcing 3 requests/s and the "
                + "writers sharing a limit of 3/s; a job takes 2 Notion calls, so 1.5 jobs/s is the ceiling)\n\n");
        md.append(ResultTables.notionLimited(results.notionLimited));
        return md.toString();
    }
}

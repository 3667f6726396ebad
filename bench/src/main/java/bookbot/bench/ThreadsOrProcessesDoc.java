package bookbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * docs/threads-or-processes.md's measured parts, rendered from a run's result files: the page keeps its prose, and
 * each table or figure sits in a region ({@link DocRegions}) that this rewrites.
 */
final class ThreadsOrProcessesDoc {

    static final String PAGE = "docs/threads-or-processes.md";

    private ThreadsOrProcessesDoc() {
    }

    /** Rewrites the page's regions from the result files in {@code results}. */
    static void update(Path results, Path page) throws IOException {
        RecordedRun run = RecordedRun.read(results);
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Files.writeString(page, DocRegions.replace(text, regions(run.results(), run.cores())), StandardCharsets.UTF_8);
    }

    static Map<String, String> regions(Results results, int cores) {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("io-table", ResultTables.ioBound(results.ioBound, cores));
        regions.put("memory-table", ResultTables.memory(results.ioBound));
        regions.put("cpu-table", String.format(Locale.ROOT, "Limit: %d cores / %.0f ms, the least machine CPU per job "
                + "measured, = %.1f jobs/s. The workers' own CPU per job: %.0f ms or more.%n%n", cores,
                results.cpuMsPerJob(), results.cpuLimit(cores), results.cpuBound.stream()
                        .mapToDouble(WorkerResult::workerCpuMsPerJob).min().orElse(Double.NaN))
                + ResultTables.cpuBound(results, cores));
        regions.put("broker-table", String.format(Locale.ROOT, "Messages of %d bytes, the size of an enriched job.%n%n",
                results.brokerAlone.messageBytes()) + ResultTables.brokerCeiling(results.brokerAlone, results.zeroLatencyPipeline));
        regions.put("gateway-table", ResultTables.gateway(results.gateway));
        regions.put("notion-table", ResultTables.notionLimited(results.notionLimited));
        regions.put("targets", TargetsTable.render(results));
        regions.put("figures", KeyFigures.render(results, cores));
        return regions;
    }
}

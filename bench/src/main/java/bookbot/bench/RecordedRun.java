package bookbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run read back from the files {@link ResultFiles} wrote: the CSVs, and the cores from results.md's first line.
 * What the CSVs do not hold (the sandbox knobs, the completed count) is left empty: no table uses it.
 */
record RecordedRun(Results results, int cores) {

    private static final Pattern CORES = Pattern.compile("^Produced by `[^`]*` on (\\d+) cores\\.");

    static RecordedRun read(Path dir) throws IOException {
        Results results = new Results();
        for (String[] row : rows(dir.resolve("workers.csv"), 14)) {
            WorkerResult r = worker(row);
            switch (r.config().part()) {
                case "io" -> results.ioBound.add(r);
                case "cpu" -> results.cpuBound.add(r);
                case "broker" -> results.zeroLatencyPipeline = r;
                case "notion" -> results.notionLimited.add(r);
                default -> throw new IllegalStateException("workers.csv: unknown part " + r.config().part());
            }
        }
        for (String[] row : rows(dir.resolve("gateway.csv"), 8)) {
            results.gateway.add(new GatewayLoad.Result(row[0], Double.parseDouble(row[1]), Integer.parseInt(row[2]),
                    Integer.parseInt(row[3]), Integer.parseInt(row[4]), Double.parseDouble(row[5]),
                    Double.parseDouble(row[6]), Double.parseDouble(row[7])));
        }
        Path broker = dir.resolve("broker.csv");
        if (Files.exists(broker)) {
            String[] row = rows(broker, 5).getFirst();
            results.brokerAlone = new PerfTestCeiling.Result(Double.parseDouble(row[1]), Double.parseDouble(row[2]),
                    Integer.parseInt(row[0]));
        }
        return new RecordedRun(results, cores(dir.resolve("results.md")));
    }

    private static WorkerResult worker(String[] row) {
        WorkerConfig config = new WorkerConfig(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]), row[3],
                Map.of(), 0, 0);
        return new WorkerResult(config, 0, Double.parseDouble(row[5]), Double.parseDouble(row[7]),
                Double.parseDouble(row[8]), Double.parseDouble(row[9]), Double.parseDouble(row[10]),
                Double.parseDouble(row[11]), Long.parseLong(row[12]), Long.parseLong(row[13]));
    }

    private static List<String[]> rows(Path csv, int columns) throws IOException {
        List<String[]> rows = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)).toList();
        for (String[] row : rows) {
            if (row.length != columns) {
                throw new IllegalStateException(csv + ": expected " + columns + " columns, found " + String.join(",", row));
            }
        }
        return rows;
    }

    private static int cores(Path markdown) throws IOException {
        String first = Files.readAllLines(markdown, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        Matcher m = CORES.matcher(first);
        if (!m.find()) {
            throw new IllegalStateException(markdown + " does not begin with 'Produced by `…` on N cores.'");
        }
        return Integer.parseInt(m.group(1));
    }
}

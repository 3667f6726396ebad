package bookbot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of docs/threads-or-processes.md, drawn with XChart. */
final class Charts {

    private Charts() {
    }

    static void draw(Results results, Path out, int cores) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (!results.ioBound.isEmpty()) {
            XYChart throughput = chart("I/O-bound: throughput against concurrency", "concurrency C (consumers per stage)", "jobs/s");
            throughput.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
            workerSeries(throughput, results.ioBound, WorkerResult::jobsPerSecond);
            double[] c = results.ioBound.stream().mapToDouble(r -> r.config().concurrency()).distinct().sorted().toArray();
            double[] limit = java.util.Arrays.stream(c).map(x -> x / Results.IO_STAGE_SECONDS).toArray();
            throughput.addSeries("Little's law limit C / 0.65 s", c, limit).setMarker(SeriesMarkers.NONE);
            save(throughput, out.resolve("io-throughput.png"));

            XYChart memory = chart("I/O-bound: memory against concurrency", "concurrency C (consumers per stage)",
                    "RSS of all worker processes (MB)");
            memory.getStyler().setXAxisLogarithmic(true);
            workerSeries(memory, results.ioBound, WorkerResult::workerRssMb);
            save(memory, out.resolve("io-memory.png"));
        }
        if (!results.cpuBound.isEmpty()) {
            XYChart cpu = chart("CPU-bound: throughput against concurrency on " + cores + " cores", "concurrency C", "jobs/s");
            workerSeries(cpu, results.cpuBound, WorkerResult::jobsPerSecond);
            double[] c = results.cpuBound.stream().mapToDouble(r -> r.config().concurrency()).distinct().sorted().toArray();
            double limit = results.cpuLimit(cores);
            cpu.addSeries(cores + " cores / CPU per job", c, java.util.Arrays.stream(c).map(x -> limit).toArray())
                    .setMarker(SeriesMarkers.NONE);
            save(cpu, out.resolve("cpu-throughput.png"));
        }
        if (!results.gateway.isEmpty()) {
            XYChart ack = chart("Slack's 3-second budget: answer p99 against submission rate", "submissions/s", "p99 (ms)");
            ack.getStyler().setYAxisLogarithmic(true);
            Map<String, List<GatewayLoad.Result>> byTarget = results.gateway.stream()
                    .collect(Collectors.groupingBy(GatewayLoad.Result::target, TreeMap::new, Collectors.toList()));
            byTarget.forEach((target, rows) -> ack.addSeries(target, rows.stream().mapToDouble(GatewayLoad.Result::ratePerSecond).toArray(),
                    rows.stream().mapToDouble(g -> Math.max(1, g.p99Ms())).toArray()));
            double[] rates = results.gateway.stream().mapToDouble(GatewayLoad.Result::ratePerSecond).distinct().sorted().toArray();
            ack.addSeries("Slack gives up (3 s)", rates, java.util.Arrays.stream(rates).map(x -> 3000).toArray())
                    .setMarker(SeriesMarkers.NONE);
            save(ack, out.resolve("gateway-p99.png"));
        }
    }

    /** One series per way of splitting the concurrency: 1 process of each thread kind, and N processes. */
    private static void workerSeries(XYChart chart, List<WorkerResult> rows, ToDoubleFunction<WorkerResult> y) {
        add(chart, "1 process, platform threads", rows, r -> r.config().processes() == 1 && r.config().threadKind().equals("platform"), y);
        add(chart, "1 process, virtual threads", rows, r -> r.config().processes() == 1 && r.config().threadKind().equals("virtual"), y);
        rows.stream().map(r -> r.config().processes()).filter(p -> p > 1).distinct().sorted().forEach(p ->
                add(chart, p + " processes per stage, platform threads", rows, r -> r.config().processes() == p, y));
    }

    private static void add(XYChart chart, String name, List<WorkerResult> rows, Predicate<WorkerResult> which,
            ToDoubleFunction<WorkerResult> y) {
        List<WorkerResult> series = rows.stream().filter(which).sorted(java.util.Comparator.comparingInt(r -> r.config().concurrency())).toList();
        if (!series.isEmpty()) {
            XYSeries added = chart.addSeries(name, series.stream().mapToDouble(r -> r.config().concurrency()).toArray(),
                    series.stream().mapToDouble(y).toArray());
            added.setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return chart;
    }

    private static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}

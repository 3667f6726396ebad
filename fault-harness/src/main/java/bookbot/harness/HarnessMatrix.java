package bookbot.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every fault class the harness knows, each on one broker node and on a 3-node cluster whose node a is killed
 * mid-run, with this version's services and, when given, an earlier release's side by side; writes one table per
 * class to a markdown file. {@code ./harness --matrix=docs/fault-harness-matrix.md --earlier=DIR --jobs=60}.
 */
final class HarnessMatrix {

    /** What a class does to a run, beyond the shared settings. */
    enum FaultClass {
        CRASHES("Worker processes killed, API errors",
                "a worker process is SIGKILLed every 3 s; 10% of calls to each fake fail (5xx, 429 with Retry-After, "
                        + "time-out)", false),
        CONNECTIONS_CLOSED("Broker connections closed",
                "every 3 s the broker closes the connections of the workers that hold jobs (`rabbitmqctl "
                        + "close_connection`)", false),
        NOTION_ANSWERS_LOST("Notion's answers lost, slow creates, query lag",
                "5% of Notion page creates store the page but answer 504; creates take 800 ms; a new page shows in "
                        + "Notion's query after 500 ms", false),
        NOT_IN_CHANNEL("The bot not invited to the channel",
                "Slack refuses the bot the channel's history (`not_in_channel`); posting works "
                        + "(`chat:write.public`); every 3 s connections are closed so that jobs are delivered again",
                false),
        ROLLING_RESTART("A rolling restart of the cluster",
                "half-way, after node a's kill, the three nodes are stopped and started one after the other", true),
        BROKER_RESTART("The broker restarted with dead letters present",
                "half-way, the broker restarts (the node's application; on the cluster every node, keeping data) "
                        + "while the malformed messages are dead letters", false);

        final String title;
        final String what;
        final boolean clusterOnly;

        FaultClass(String title, String what, boolean clusterOnly) {
            this.title = title;
            this.what = what;
            this.clusterOnly = clusterOnly;
        }

        HarnessOptions options(HarnessOptions base, boolean cluster, Path services) {
            HarnessOptions.BrokerFaults broker = cluster
                    ? HarnessOptions.BrokerFaults.onCluster(base.broker().clusterPort(), this == BROKER_RESTART, true,
                            this == ROLLING_RESTART)
                    : new HarnessOptions.BrokerFaults(false, 0, this == BROKER_RESTART, false, false);
            Duration killEvery = this == CRASHES ? Duration.ofSeconds(3) : Duration.ZERO;
            double failRate = this == CRASHES ? 0.1 : 0;
            HarnessOptions.ProductionFaults production = switch (this) {
                case CONNECTIONS_CLOSED -> new HarnessOptions.ProductionFaults(Duration.ofSeconds(3), 0, Duration.ZERO,
                        Duration.ZERO, false);
                case NOTION_ANSWERS_LOST -> new HarnessOptions.ProductionFaults(Duration.ZERO, 0.05,
                        Duration.ofMillis(800), Duration.ofMillis(500), false);
                case NOT_IN_CHANNEL -> new HarnessOptions.ProductionFaults(Duration.ofSeconds(3), 0, Duration.ZERO,
                        Duration.ZERO, true);
                default -> HarnessOptions.ProductionFaults.NONE;
            };
            return new HarnessOptions(base.jobs(), base.submitPerSecond(), base.processes(), base.concurrency(),
                    killEvery, failRate, base.malformed(), broker, base.timeout(), base.repository(),
                    base.notionLimit(), base.writerLimit(), production, services);
        }
    }

    private record Column(String title, boolean cluster, Path services) {
    }

    private final HarnessOptions base;
    private final Path earlier;
    private final Path output;
    private final Map<String, String> machineBroker;
    private final Consumer<String> progress;

    /**
     * @param base    jobs, rate, processes, concurrency, malformed messages, timeout and cluster port of every run
     * @param earlier a built checkout of an earlier release, or null for this version only
     */
    HarnessMatrix(HarnessOptions base, Path earlier, Path output, Map<String, String> machineBroker,
            Consumer<String> progress) {
        this.base = base;
        this.earlier = earlier;
        this.output = output;
        this.machineBroker = machineBroker;
        this.progress = progress;
    }

    /** @return whether this version passed every run */
    boolean run() {
        List<Column> columns = columns();
        StringBuilder doc = new StringBuilder(header());
        boolean passed = true;
        try (BrokerUnderTest node = BrokerUnderTest.machine(machineBroker, progress);
                BrokerUnderTest cluster = BrokerUnderTest.cluster(base.repository(), base.broker().clusterPort(),
                        progress)) {
            for (FaultClass faultClass : FaultClass.values()) {
                Map<Column, HarnessReport> reports = new LinkedHashMap<>();
                for (Column column : columns) {
                    if (faultClass.clusterOnly && !column.cluster()) {
                        continue;
                    }
                    progress.accept("== " + faultClass.title + " · " + column.title());
                    HarnessOptions options = faultClass.options(base, column.cluster(), column.services());
                    HarnessReport report = new HarnessRun(options, column.cluster() ? cluster : node, progress)
                            .execute();
                    progress.accept(report.passed() ? "PASS" : "FAIL");
                    reports.put(column, report);
                    if (column.services().equals(base.repository())) {
                        passed &= report.passed();
                    }
                }
                doc.append(table(faultClass, reports));
                write(doc);
            }
        }
        return passed;
    }

    private List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (boolean cluster : List.of(false, true)) {
            String broker = cluster ? "cluster, node killed" : "one node";
            if (earlier != null) {
                columns.add(new Column(broker + ", " + earlier.getFileName(), cluster, earlier));
            }
            columns.add(new Column(broker + ", this version", cluster, base.repository()));
        }
        return columns;
    }

    private String header() {
        return """
                # Fault harness matrix

                Written by `./harness --matrix` on %s: every fault class, on one RabbitMQ node (the machine's) and on a \
                3-node cluster of the run's own whose node a — leader of the queues, holder of the services' \
                connections — is SIGKILLed half-way through submitting and started again %d s later. %s Each run: \
                %d books submitted %s, %d enrich-worker and %d notion-writer processes × %d jobs at once, %d malformed \
                messages; reconciled as the harness does (every accepted book is one page and one message, or one \
                dead letter). 0 is promised for **lost**, duplicate pages and duplicate messages.

                """.formatted(LocalDate.now(), HarnessOptions.BrokerFaults.NODE_DOWN.toSeconds(),
                earlier == null ? "" : "Columns named `" + earlier.getFileName() + "` run that release's gateway and "
                        + "workers under the same harness, sandbox and broker.",
                base.jobs(), base.submitPerSecond() > 0 ? base.submitPerSecond() + " a second" : "at once",
                base.processes(), base.processes(), base.concurrency(), base.malformed());
    }

    private static String table(FaultClass faultClass, Map<Column, HarnessReport> reports) {
        StringBuilder out = new StringBuilder("## " + faultClass.title + "\n\n" + capitalized(faultClass.what)
                + ".\n\n| what |");
        reports.keySet().forEach(column -> out.append(' ').append(column.title()).append(" |"));
        out.append("\n|---|").append("---:|".repeat(reports.size())).append('\n');
        row(out, reports, "accepted by the gateway", HarnessReport::accepted);
        row(out, reports, "Notion pages / channel messages", r -> r.pages() + " / " + r.messages());
        row(out, reports, "**lost**", HarnessReport::lost);
        row(out, reports, "duplicate pages", HarnessReport::duplicatePages);
        row(out, reports, "duplicate messages", HarnessReport::duplicateMessages);
        row(out, reports, "dead letters (accepted jobs)", HarnessReport::deadLetterTotal);
        row(out, reports, "malformed messages dead-lettered", r -> r.malformedDeadLettered() + " of "
                + r.malformedInjected());
        row(out, reports, "worker processes killed", HarnessReport::kills);
        row(out, reports, "connections closed by the broker", HarnessReport::connectionsClosed);
        row(out, reports, "Notion create answers lost", HarnessReport::notionAnswersLost);
        row(out, reports, "nodes killed / restarted one by one / broker restarts", r -> r.broker().nodesKilled()
                + " / " + r.broker().nodesRestarted() + " / " + r.broker().restarts());
        row(out, reports, "retries scheduled", HarnessReport::retries);
        row(out, reports, "wall time", r -> String.format("%.0f s", r.wallTime().toMillis() / 1000.0));
        row(out, reports, "verdict", r -> r.passed() ? "pass" : "**FAIL**");
        return out.append('\n').toString();
    }

    private static void row(StringBuilder out, Map<Column, HarnessReport> reports, String what,
            Function<HarnessReport, Object> value) {
        out.append("| ").append(what).append(" |");
        reports.values().forEach(report -> out.append(' ').append(value.apply(report)).append(" |"));
        out.append('\n');
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** After each class, so that a long matrix cut short keeps what it measured. */
    private void write(StringBuilder doc) {
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + output, e);
        }
    }
}

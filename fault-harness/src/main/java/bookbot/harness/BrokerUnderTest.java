package bookbot.harness;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import bookbot.sandbox.launch.BrokerControl;
import bookbot.sandbox.launch.RabbitCluster;

/**
 * The broker a run uses — the machine's node, or a 3-node cluster of the run's own — and what an operator's
 * broker goes through: restarts, a node lost, a rolling restart. Counts what it did for the report.
 */
final class BrokerUnderTest implements AutoCloseable {

    private static final String CLUSTER_NAME = "bookbot-harness";

    private final Map<String, String> environment;
    private final RabbitCluster cluster;
    private final Consumer<String> progress;
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger nodesKilled = new AtomicInteger();
    private final AtomicInteger nodesRestarted = new AtomicInteger();

    private BrokerUnderTest(Map<String, String> environment, RabbitCluster cluster, Consumer<String> progress) {
        this.environment = environment;
        this.cluster = cluster;
        this.progress = progress;
    }

    /** The machine's broker, or a cluster started for this run (stopped and deleted by {@link #close()}). */
    static BrokerUnderTest of(HarnessOptions options, Map<String, String> machineBroker, Consumer<String> progress) {
        return options.broker().cluster() ? cluster(options.repository(), options.broker().clusterPort(), progress)
                : machine(machineBroker, progress);
    }

    /** @param environment the SPRING_RABBITMQ_* variables of the machine's broker (empty: the local default) */
    static BrokerUnderTest machine(Map<String, String> environment, Consumer<String> progress) {
        return new BrokerUnderTest(environment, null, progress);
    }

    /** A cluster of its own, on ports {@code port} to {@code port + 2}, data under {@code repository}/target/harness. */
    static BrokerUnderTest cluster(Path repository, int port, Consumer<String> progress) {
        progress.accept("starting a 3-node RabbitMQ cluster on ports " + port + "-" + (port + 2));
        RabbitCluster cluster = RabbitCluster.start(repository, repository.resolve("target/harness/cluster-" + port),
                CLUSTER_NAME + "-" + port, port, 0);
        return new BrokerUnderTest(cluster.environment(), cluster, progress);
    }

    /** The SPRING_RABBITMQ_* variables that reach it. */
    Map<String, String> environment() {
        return environment;
    }

    BrokerControl control() {
        return cluster == null ? BrokerControl.local() : cluster.control();
    }

    /** What {@link HarnessOptions.BrokerFaults} asks for, one after the other. */
    void misbehave(HarnessOptions.BrokerFaults faults) {
        if (faults.killNode()) {
            killAndRestartNodeA();
        }
        if (faults.rollingRestart()) {
            rollingRestart();
        }
        if (faults.restart()) {
            restart();
        }
    }

    private void killAndRestartNodeA() {
        progress.accept("SIGKILL node a, which leads the queues and holds the services' connections");
        cluster.kill("a");
        nodesKilled.incrementAndGet();
        HarnessRun.sleep(HarnessOptions.BrokerFaults.NODE_DOWN.toMillis()); // the outage's length
        progress.accept("starting node a again after " + HarnessOptions.BrokerFaults.NODE_DOWN.toSeconds() + " s");
        cluster.startNode("a");
        progress.accept("node a is back");
    }

    private void rollingRestart() {
        for (String node : RabbitCluster.NODES) {
            progress.accept("rolling restart: stopping node " + node);
            cluster.stopNode(node);
            cluster.startNode(node);
            nodesRestarted.incrementAndGet();
            progress.accept("rolling restart: node " + node + " is back");
        }
    }

    private void restart() {
        if (cluster == null) {
            progress.accept("restarting RabbitMQ (rabbitmqctl stop_app / start_app)");
            control().restartApp();
        } else {
            progress.accept("restarting every node of the cluster, keeping their data");
            cluster.restart();
        }
        restarts.incrementAndGet();
        progress.accept("RabbitMQ is back");
    }

    /** What it went through since it started; a run reports the difference between its end and its start. */
    HarnessReport.BrokerEvents events() {
        return new HarnessReport.BrokerEvents(cluster != null, restarts.get(), nodesKilled.get(), nodesRestarted.get());
    }

    @Override
    public void close() {
        if (cluster != null) {
            progress.accept("stopping the cluster");
            cluster.close();
        }
    }
}

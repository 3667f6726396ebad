package bookbot.sandbox.launch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A three-node RabbitMQ cluster of the caller's own, run by {@code scripts/rabbitmq-cluster} (own node names,
 * ports and directory, so the machine's broker is never touched); closing it stops the nodes and deletes their
 * data. Tests and the fault harness kill, stop and restart its nodes the way hosts and operators do.
 */
public final class RabbitCluster implements AutoCloseable {

    public static final List<String> NODES = List.of("a", "b", "c");

    private final Path repository;
    private final Path directory;
    private final String name;
    private final int firstPort;
    private final Map<String, String> scriptEnvironment = new HashMap<>();

    private RabbitCluster(Path repository, Path directory, String name, int firstPort, long consumerTimeoutMs) {
        this.repository = repository;
        this.directory = directory.toAbsolutePath();
        this.name = name;
        this.firstPort = firstPort;
        scriptEnvironment.put("BOOKBOT_CLUSTER_NAME", name);
        scriptEnvironment.put("BOOKBOT_CLUSTER_PORT", String.valueOf(firstPort));
        if (consumerTimeoutMs > 0) {
            scriptEnvironment.put("BOOKBOT_CLUSTER_CONSUMER_TIMEOUT_MS", String.valueOf(consumerTimeoutMs));
        }
    }

    /**
     * Starts the three nodes, stopping first what an earlier, killed run left in {@code directory}.
     *
     * @param repository        the checkout holding {@code scripts/rabbitmq-cluster}
     * @param name              node name prefix ({@code name-a@localhost} …), unique to the caller
     * @param firstPort         AMQP port of node a (b and c follow; distribution ports are 20000 above)
     * @param consumerTimeoutMs RabbitMQ's delivery-acknowledgement timeout on every node; 0 for its default
     */
    public static RabbitCluster start(Path repository, Path directory, String name, int firstPort,
            long consumerTimeoutMs) {
        RabbitCluster cluster = new RabbitCluster(repository, directory, name, firstPort, consumerTimeoutMs);
        cluster.script("stop");
        cluster.script("start");
        return cluster;
    }

    public String addresses() {
        return String.join(",", NODES.stream().map(node -> "127.0.0.1:" + port(node)).toList());
    }

    /** What a service needs to reach the cluster. */
    public Map<String, String> environment() {
        return Map.of("SPRING_RABBITMQ_ADDRESSES", addresses(), "SPRING_RABBITMQ_USERNAME", "guest",
                "SPRING_RABBITMQ_PASSWORD", "guest", "SPRING_RABBITMQ_VIRTUAL_HOST", "/");
    }

    public String nodeName(String node) {
        return name + "-" + node + "@localhost";
    }

    /** Operator actions through a node that serves AMQP right now. */
    public BrokerControl control() {
        return NODES.stream().filter(this::serving).findFirst().map(node -> BrokerControl.node(nodeName(node)))
                .orElseThrow(() -> new IllegalStateException("no node of " + name + " serves AMQP"));
    }

    /** SIGKILLs one node's VM, as a crashed host would lose it. */
    public void kill(String node) {
        long pid = pid(node);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "node " + node + " (pid " + pid + ") does not run"));
        handle.destroyForcibly();
        handle.onExit().join();
    }

    /** Starts a stopped or killed node again and waits until it has started. */
    public void startNode(String node) {
        script("start-node", node);
    }

    /** Stops one node cleanly, keeping its data. */
    public void stopNode(String node) {
        script("stop-node", node);
    }

    /** Stops every node (keeping its data) and starts them again: a restart of the whole broker. */
    public void restart() {
        script("restart");
    }

    @Override
    public void close() {
        script("stop");
    }

    private int port(String node) {
        return firstPort + NODES.indexOf(node);
    }

    private boolean serving(String node) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port(node)), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private long pid(String node) {
        try {
            return Long.parseLong(Files.readString(directory.resolve(node).resolve("rabbitmq.pid")).strip());
        } catch (IOException e) {
            throw new IllegalStateException("no pid recorded for node " + node, e);
        }
    }

    private void script(String... arguments) {
        List<String> command = new ArrayList<>(List.of(repository.resolve("scripts/rabbitmq-cluster").toString()));
        command.addAll(List.of(arguments));
        command.add(directory.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(scriptEnvironment);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/rabbitmq-cluster " + String.join(" ", arguments)
                        + " failed:\n" + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/rabbitmq-cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

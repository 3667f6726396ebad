package bookbot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * A three-node RabbitMQ cluster of the test's own, run by {@code scripts/rabbitmq-cluster} (own node names, ports
 * and directory, so the machine's broker is never touched); closing it stops the nodes and deletes their data.
 */
final class TestCluster implements AutoCloseable {

    static final List<String> NODES = List.of("a", "b", "c");

    private final Path repository;
    private final Path directory;
    private final Map<String, String> scriptEnvironment = new HashMap<>();
    private final int firstPort;

    /**
     * @param name              node name prefix, unique to the test class
     * @param firstPort         AMQP port of node a (b and c follow; distribution ports are 20000 above)
     * @param consumerTimeoutMs RabbitMQ's delivery-acknowledgement timeout on every node
     */
    private TestCluster(String name, int firstPort, long consumerTimeoutMs) {
        this.repository = Path.of("..").toAbsolutePath().normalize();
        this.directory = Path.of("target/" + name).toAbsolutePath();
        this.firstPort = firstPort;
        scriptEnvironment.put("BOOKBOT_CLUSTER_NAME", name);
        scriptEnvironment.put("BOOKBOT_CLUSTER_PORT", String.valueOf(firstPort));
        scriptEnvironment.put("BOOKBOT_CLUSTER_CONSUMER_TIMEOUT_MS", String.valueOf(consumerTimeoutMs));
    }

    static TestCluster start(String name, int firstPort, long consumerTimeoutMs) {
        TestCluster cluster = new TestCluster(name, firstPort, consumerTimeoutMs);
        cluster.script("stop"); // what an earlier, killed run may have left
        cluster.script("start");
        return cluster;
    }

    String addresses() {
        return "127.0.0.1:" + firstPort + ",127.0.0.1:" + (firstPort + 1) + ",127.0.0.1:" + (firstPort + 2);
    }

    /** What a service needs to reach the cluster. */
    Map<String, String> environment() {
        return Map.of("SPRING_RABBITMQ_ADDRESSES", addresses(), "SPRING_RABBITMQ_USERNAME", "guest",
                "SPRING_RABBITMQ_PASSWORD", "guest", "SPRING_RABBITMQ_VIRTUAL_HOST", "/");
    }

    CachingConnectionFactory connectionFactory() {
        CachingConnectionFactory factory = new CachingConnectionFactory();
        factory.setAddresses(addresses());
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    /** SIGKILLs one node's VM, as a crashed host would lose it. */
    void kill(String node) {
        long pid = pid(node);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "node " + node + " (pid " + pid + ") does not run"));
        handle.destroyForcibly();
        handle.onExit().join();
    }

    void startNode(String node) {
        script("start-node", node);
    }

    /** Stops every node (keeping its data) and starts them again: a restart of the whole broker. */
    void restart() {
        script("restart");
    }

    @Override
    public void close() {
        script("stop");
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

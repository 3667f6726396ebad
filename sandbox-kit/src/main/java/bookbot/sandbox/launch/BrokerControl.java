package bookbot.sandbox.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Operator actions on a RabbitMQ node through {@code rabbitmqctl} (needs it on the PATH and the rights to use
 * it), for drills and tests that need a broker to misbehave the way production ones do. On a cluster, listings
 * and connection closes through one node reach every node.
 */
public final class BrokerControl {

    private final List<String> target;

    private BrokerControl(List<String> target) {
        this.target = target;
    }

    /** The machine's own node, rabbitmqctl's default. */
    public static BrokerControl local() {
        return new BrokerControl(List.of());
    }

    /** A named node, e.g. {@code bookbot-a@localhost}. */
    public static BrokerControl node(String nodeName) {
        return new BrokerControl(List.of("-n", nodeName));
    }

    /** Stops and starts the RabbitMQ application on the node, as a broker restart does. */
    public void restartApp() {
        rabbitmqctl("stop_app");
        rabbitmqctl("start_app");
    }

    /**
     * Closes every client connection that holds an unacknowledged delivery from {@code queue}, as a network
     * blip, a missed heartbeat or a node failover does: the broker hands those deliveries to other consumers at
     * once, while the clients may still be working on them.
     *
     * @return how many connections were closed
     */
    public int closeConnectionsHoldingDeliveriesFrom(String queue) {
        Set<String> consumingChannels = rows(rabbitmqctl("list_consumers", "-q", "--no-table-headers",
                "queue_name", "channel_pid")).stream()
                .filter(row -> row[0].equals(queue)).map(row -> row[1]).collect(Collectors.toSet());
        Set<String> connections = rows(rabbitmqctl("list_channels", "-q", "--no-table-headers", "pid",
                "connection", "messages_unacknowledged")).stream()
                .filter(row -> consumingChannels.contains(row[0]) && !row[2].equals("0"))
                .map(row -> row[1]).collect(Collectors.toSet());
        connections.forEach(connection -> rabbitmqctl("close_connection", connection,
                "closed by a bookbot drill"));
        return connections.size();
    }

    /**
     * Closes the client connection that owns the exclusive queue {@code queue} (a notion-writer's lock on a job is
     * one), as a network blip that reaches that connection too does: the broker deletes the queue with it.
     *
     * @return whether a connection owned it
     */
    public boolean closeConnectionOwning(String queue) {
        List<String> owners = rows(rabbitmqctl("list_queues", "-q", "--no-table-headers", "name",
                "owner_pid")).stream()
                .filter(row -> row[0].equals(queue) && row[1].startsWith("<")).map(row -> row[1]).toList();
        owners.forEach(connection -> rabbitmqctl("close_connection", connection, "closed by a bookbot drill"));
        return !owners.isEmpty();
    }

    private static List<String[]> rows(String output) {
        List<String[]> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] columns = line.strip().split("\t");
            if (columns.length >= 2) {
                rows.add(columns);
            }
        }
        return rows;
    }

    private String rabbitmqctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(target);
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    private static String run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            process.destroy();
        }
    }
}

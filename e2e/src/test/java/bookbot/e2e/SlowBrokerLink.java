package bookbot.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import bookbot.core.testing.TestBroker;

/**
 * The broker as one service reaches it: a TCP proxy in front of the test broker that can hold back what the
 * broker sends (publisher confirms among it) while letting through, at once, what the service sends. A publish
 * then reaches its queue while its confirm comes late, as on a slow network or a busy broker. The bytes keep
 * their order; {@link #answerAtOnce()} lets what is held back go.
 */
final class SlowBrokerLink implements AutoCloseable {

    private record Chunk(byte[] bytes, long receivedAtNanos) {
    }

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final TestBroker.Address broker;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object delayChanged = new Object();
    private volatile long delayNanos;

    private SlowBrokerLink(TestBroker.Address broker) throws IOException {
        this.broker = broker;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("slow-broker-link-accept").start(this::accept);
    }

    static SlowBrokerLink to(TestBroker.Address broker) {
        try {
            return new SlowBrokerLink(broker);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for the broker link", e);
        }
    }

    /** The variables that make a service connect to the broker through this link. */
    Map<String, String> environment() {
        return Map.of("SPRING_RABBITMQ_HOST", "127.0.0.1", "SPRING_RABBITMQ_PORT", String.valueOf(server.getLocalPort()));
    }

    /** From now on, what the broker sends reaches the service {@code delay} late. */
    void answerLate(Duration delay) {
        delayNanos = delay.toNanos();
    }

    /** What the broker sends reaches the service at once, and what was held back goes now. */
    void answerAtOnce() {
        synchronized (delayChanged) {
            delayNanos = 0;
            delayChanged.notifyAll();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket service = server.accept();
                Socket upstream = new Socket(broker.host(), broker.port());
                sockets.addAll(List.of(service, upstream));
                BlockingQueue<Chunk> held = new LinkedBlockingQueue<>();
                Thread.ofPlatform().daemon().start(() -> copy(service, upstream));
                Thread.ofPlatform().daemon().start(() -> read(upstream, held));
                Thread.ofPlatform().daemon().start(() -> deliverLate(held, service));
            } catch (IOException e) {
                // closed, or the broker refused: the service sees its connection fail, as it would without the link
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // either side closed
        } finally {
            closeQuietly(from, to);
        }
    }

    private static void read(Socket from, BlockingQueue<Chunk> held) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                held.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime()));
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            held.add(END);
        }
    }

    private void deliverLate(BlockingQueue<Chunk> held, Socket to) {
        try (OutputStream out = to.getOutputStream()) {
            for (Chunk chunk = held.take(); chunk != END; chunk = held.take()) {
                awaitDue(chunk);
                out.write(chunk.bytes());
                out.flush();
            }
        } catch (IOException e) {
            // the service closed its connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(to);
        }
    }

    /** Holds a chunk until it is {@code delay} old; the delay is read again whenever it changes. */
    private void awaitDue(Chunk chunk) throws InterruptedException {
        synchronized (delayChanged) {
            long left;
            while ((left = chunk.receivedAtNanos() + delayNanos - System.nanoTime()) > 0) {
                delayChanged.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private static void closeQuietly(Socket... toClose) {
        for (Socket socket : toClose) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        answerAtOnce();
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(SlowBrokerLink::closeQuietly);
    }
}

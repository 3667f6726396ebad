package bookbot.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import bookbot.sandbox.client.SandboxClient;
import bookbot.sandbox.launch.ModuleJars;
import bookbot.sandbox.launch.Pipeline;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.Ports;

/**
 * What every part of the benchmark shares: the built checkout, a JDK, the broker, and one sandbox process for the
 * whole run (reset between configurations). Closing it stops the sandbox.
 */
final class BenchEnvironment implements AutoCloseable {

    private final Path repository;
    private final Path java;
    private final Path logs;
    private final Broker broker;
    private final int sandboxPort;
    private final Pipeline sandboxProcess;
    private final SandboxClient sandbox;

    BenchEnvironment(Path repository, Path logs) {
        this.repository = repository;
        this.java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this"));
        this.logs = logs;
        this.broker = Broker.fromEnvironment();
        this.sandboxPort = Ports.free();
        this.sandboxProcess = Pipeline.start(settings("bench-sandbox", Map.of()), new Pipeline.Layout(true, false, 0, 0));
        this.sandbox = new SandboxClient(URI.create("http://127.0.0.1:" + sandboxPort));
    }

    String newNamespace() {
        return "bench-" + UUID.randomUUID().toString().substring(0, 8);
    }

    PipelineSettings settings(String namespace, Map<String, String> serviceEnvironment) {
        return new PipelineSettings(repository, java, logs.resolve(namespace), broker.environment(), namespace,
                sandboxPort, Ports.free(), serviceEnvironment);
    }

    Broker broker() {
        return broker;
    }

    SandboxClient sandbox() {
        return sandbox;
    }

    Path logs() {
        return logs;
    }

    Path java() {
        return java;
    }

    /** The jar that adds the CPU-bound enrich stage to an enrich-worker; the production jar has none. */
    Path cpuStageJar() {
        return ModuleJars.find(repository, "bench-cpu-stage", ".jar");
    }

    @Override
    public void close() {
        sandboxProcess.close();
    }

}

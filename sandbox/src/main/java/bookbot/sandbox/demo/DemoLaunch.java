package bookbot.sandbox.demo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import bookbot.sandbox.launch.BrokerAddress;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.Ports;

/** Where the demo starts the services: this checkout, the current java, the broker from SPRING_RABBITMQ_*. */
final class DemoLaunch {

    private DemoLaunch() {
    }

    static PipelineSettings settings(Path repository, String namespace, int sandboxPort, int gatewayPort) {
        Path checkout = repository.toAbsolutePath().normalize();
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the demo"));
        return new PipelineSettings(checkout, java, checkout.resolve("target/demo"), BrokerAddress.fromEnvironment(System.getenv()).environment(), namespace,
                freePort(sandboxPort), freePort(gatewayPort), Map.of());
    }

    private static int freePort(int port) {
        return Ports.requireFree(port, "pass another one, e.g. --gateway-port=8081 or --sandbox-port=9001");
    }
}

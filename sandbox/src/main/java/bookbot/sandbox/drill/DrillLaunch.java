package bookbot.sandbox.drill;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import bookbot.sandbox.launch.BrokerAddress;
import bookbot.sandbox.launch.PipelineSettings;
import bookbot.sandbox.launch.Ports;

/**
 * Where the drill starts the services: this checkout's jars, the java that runs the drill, the broker from
 * SPRING_RABBITMQ_*, a namespace and ports of its own, and an admin token made up for this run (the gateway's
 * admin API exists only with one).
 */
final class DrillLaunch {

    private DrillLaunch() {
    }

    static PipelineSettings settings(Path repository, String namespace, int sandboxPort, int gatewayPort,
            String adminToken) {
        Path checkout = repository.toAbsolutePath().normalize();
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the drill"));
        return new PipelineSettings(checkout, java, checkout.resolve("target/drill"),
                BrokerAddress.fromEnvironment(System.getenv()).environment(), namespace,
                port(sandboxPort, "--sandbox-port"), port(gatewayPort, "--gateway-port"),
                Map.of("BOOKBOT_ADMIN_TOKEN", adminToken));
    }

    /** A token nobody else knows: {@code drill-} and 24 random hex digits. */
    static String newAdminToken() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return "drill-" + HexFormat.of().formatHex(random);
    }

    /** 0: any free port; else that port, if nothing listens on it (another sandbox there would answer for ours). */
    private static int port(int port, String option) {
        if (port == 0) {
            return Ports.free();
        }
        return Ports.requireFree(port, "pass another one, or " + option + "=0 for any free port");
    }
}

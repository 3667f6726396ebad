package bookbot.harness;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Restarts the local RabbitMQ application in place (rabbitmqctl stop_app, start_app): needs rabbitmqctl and rights. */
final class BrokerRestart {

    private BrokerRestart() {
    }

    static void restart(Consumer<String> progress) {
        progress.accept("restarting RabbitMQ (rabbitmqctl stop_app / start_app)");
        run("rabbitmqctl", "stop_app");
        run("rabbitmqctl", "start_app");
        progress.accept("RabbitMQ is back");
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

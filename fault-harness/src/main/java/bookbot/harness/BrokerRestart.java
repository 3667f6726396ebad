package bookbot.harness;

import java.util.function.Consumer;

import bookbot.sandbox.launch.BrokerControl;

/** Restarts the local RabbitMQ application in place (rabbitmqctl stop_app, start_app): needs rabbitmqctl and rights. */
final class BrokerRestart {

    private BrokerRestart() {
    }

    static void restart(Consumer<String> progress) {
        progress.accept("restarting RabbitMQ (rabbitmqctl stop_app / start_app)");
        BrokerControl.restartApp();
        progress.accept("RabbitMQ is back");
    }
}

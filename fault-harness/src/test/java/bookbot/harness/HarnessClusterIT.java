package bookbot.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import bookbot.core.testing.TestBroker;

/**
 * The fault harness on a 3-node cluster of its own (ports 5711-5713): while books flow, node a — leader of the
 * queues and holder of the services' connections — is SIGKILLed and comes back, every node is restarted one
 * after the other, then the whole broker is restarted with dead letters present; connections are closed and
 * Notion loses create answers all along. Nothing accepted may be lost or duplicated.
 */
class HarnessClusterIT {

    @Test
    void noAcceptedBookIsLostOrDuplicatedWhenANodeIsKilledTheClusterRollsAndRestarts() {
        HarnessOptions.ProductionFaults production = new HarnessOptions.ProductionFaults(Duration.ofSeconds(4), 0.05,
                Duration.ofMillis(300), Duration.ZERO, false);
        HarnessOptions options = new HarnessOptions(60, 0.5, 2, 4, Duration.ZERO, 0, 3,
                HarnessOptions.BrokerFaults.onCluster(5711, true, true, true), Duration.ofMinutes(6),
                Path.of("..").toAbsolutePath().normalize(), 0, 0, production);

        HarnessReport report = HarnessRun.execute(options, TestBroker.address().asEnvironment(),
                line -> System.out.println("harness: " + line));
        System.out.println(report.table());

        assertThat(report.broker().nodesKilled()).isEqualTo(1);
        assertThat(report.broker().nodesRestarted()).isEqualTo(3);
        assertThat(report.broker().restarts()).isEqualTo(1);
        assertThat(report.accepted()).as("books the gateway confirmed while nodes came and went").isGreaterThan(30);
        assertThat(report.lost()).isZero();
        assertThat(report.duplicatePages()).isZero();
        assertThat(report.duplicateMessages()).isZero();
        assertThat(report.malformedDeadLettered()).as("dead letters present through the restarts")
                .isEqualTo(report.malformedInjected());
    }
}

package bookbot.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HarnessOptionsTest {

    @Test
    void aClusterRunNamesItsFaultsAndPace() {
        HarnessOptions options = HarnessOptions.parse(new String[] {"--jobs=60", "--submit-per-second=2", "--cluster",
                "--cluster-port=5721", "--kill-node", "--rolling-restart", "--restart-broker"});

        assertThat(options.jobs()).isEqualTo(60);
        assertThat(options.submitPerSecond()).isEqualTo(2);
        assertThat(options.broker()).isEqualTo(HarnessOptions.BrokerFaults.onCluster(5721, true, true, true));
        assertThat(options.servicesFrom()).isEqualTo(options.repository());
    }

    @Test
    void nodeFaultsNeedACluster() {
        assertThatThrownBy(() -> HarnessOptions.parse(new String[] {"--kill-node"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need --cluster");
        assertThatThrownBy(() -> HarnessOptions.parse(new String[] {"--rolling-restart"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need --cluster");
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> HarnessOptions.parse(new String[] {"--kil-node"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage: harness");
    }

    @Test
    void aRunOnASharedBrokerReportsOnlyWhatHappenedDuringIt() {
        HarnessReport.BrokerEvents before = new HarnessReport.BrokerEvents(true, 1, 2, 3);
        HarnessReport.BrokerEvents after = new HarnessReport.BrokerEvents(true, 1, 3, 6);

        assertThat(after.since(before)).isEqualTo(new HarnessReport.BrokerEvents(true, 0, 1, 3));
    }

    @Test
    void withoutFlagsTheRunUsesTheMachinesBrokerUnpacedAndUndisturbed() {
        HarnessOptions options = HarnessOptions.parse(new String[0]);

        assertThat(options.broker()).isEqualTo(HarnessOptions.BrokerFaults.NONE);
        assertThat(options.submitPerSecond()).isZero();
        assertThat(options.killEvery()).isEqualTo(Duration.ofSeconds(3));
    }
}

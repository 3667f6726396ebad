package bookbot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import bookbot.sandbox.client.SampleBooks;
import bookbot.sandbox.demo.DemoCommand;
import bookbot.sandbox.launch.PipelineSettings;

/** The demo as {@code docker compose --profile sandbox run demo} plays it: against services that already run. */
class DemoIT extends PipelineTestBase {

    @Test
    void theDemoPassesAgainOnAStackThatAlreadyServedIt() {
        String[] demo = {"--gateway=" + pipeline.gatewayUrl, "--sandbox=" + pipeline.sandbox.baseUrl(),
                "--signing-secret=" + PipelineSettings.SLACK_SIGNING_SECRET, "--timeout-seconds=60"};

        assertThat(DemoCommand.run(demo)).as("first run").isZero();
        assertThat(DemoCommand.run(demo)).as("second run, the first run's pages still in the sandbox").isZero();

        // One page per book: the second run's shares joined the first run's pages (the yes24 book also holds the
        // tour's second member, twice).
        assertThat(pipeline.pages()).hasSize(SampleBooks.ALL.size())
                .allSatisfy(page -> assertThat(page.jobIds()).hasSizeGreaterThanOrEqualTo(2));
    }
}

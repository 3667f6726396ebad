package bookbot.e2e;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Starts the packaged services once per test class and stops them after its last test. */
abstract class PipelineTestBase {

    static TestPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = TestPipeline.start(Map.of());
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }
}

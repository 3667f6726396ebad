package bookbot.sandbox.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PipelineCommandTest {

    private final Path java = Path.of("/jdk/bin/java");
    private final Path jar = Path.of("enrich-worker/target/enrich-worker-1.0.jar");

    @Test
    void aServiceRunsItsJarAsItIs() {
        assertThat(Pipeline.command(java, jar, Map.of("BOOKBOT_WORKER_CONCURRENCY", "4")))
                .containsExactly("/jdk/bin/java", "-jar", "enrich-worker/target/enrich-worker-1.0.jar");
    }

    @Test
    void aServiceGivenALoaderPathRunsThroughPropertiesLauncherWhichReadsIt() {
        assertThat(Pipeline.command(java, jar, Map.of("LOADER_PATH", "bench-cpu-stage/target/bench-cpu-stage-1.0.jar")))
                .containsExactly("/jdk/bin/java", "-cp", "enrich-worker/target/enrich-worker-1.0.jar",
                        "org.springframework.boot.loader.launch.PropertiesLauncher");
    }
}

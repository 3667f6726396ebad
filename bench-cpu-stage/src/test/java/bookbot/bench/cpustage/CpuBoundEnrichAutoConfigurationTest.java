package bookbot.bench.cpustage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import bookbot.core.job.BookJob;
import bookbot.core.messaging.Stage;
import bookbot.core.testing.Jobs;
import bookbot.core.worker.StageHandler;

class CpuBoundEnrichAutoConfigurationTest {

    private final ApplicationContextRunner worker = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CpuBoundEnrichAutoConfiguration.class));

    @Test
    void withTheHashesSetTheEnrichStageSpendsTheCostBeforeItsOwnWork() {
        worker.withUserConfiguration(EnrichWorker.class).withPropertyValues("BOOKBOT_BENCH_ENRICH_CPU_HASHES=1000")
                .run(context -> {
                    StageHandler handler = context.getBean(StageHandler.class);
                    BookJob job = Jobs.submitted();

                    assertThat(handler).isInstanceOf(CostBeforeStage.class);
                    assertThat(handler.stage()).isEqualTo(Stage.ENRICH);
                    assertThat(handler.handle(job)).as("what the enrich stage returned").contains(job);
                });
    }

    @Test
    void withoutTheHashesTheEnrichStageIsLeftAsItIs() {
        worker.withUserConfiguration(EnrichWorker.class)
                .run(context -> assertThat(context.getBean(StageHandler.class)).isInstanceOf(FakeStage.class));
    }

    @Test
    void theWritersStageIsLeftAsItIs() {
        worker.withUserConfiguration(NotionWriter.class).withPropertyValues("BOOKBOT_BENCH_ENRICH_CPU_HASHES=1000")
                .run(context -> assertThat(context.getBean(StageHandler.class)).isInstanceOf(FakeStage.class));
    }

    @Test
    void theCostRunsBeforeTheStagesWorkOnEveryJob() throws Exception {
        List<String> calls = new ArrayList<>();
        FakeStage enrich = new FakeStage(Stage.ENRICH) {
            @Override
            public Optional<BookJob> handle(BookJob job) {
                calls.add("stage");
                return super.handle(job);
            }
        };
        StageHandler decorated = new CostBeforeStage(() -> calls.add("cost"), enrich);

        decorated.handle(Jobs.submitted());
        decorated.handle(Jobs.submitted());

        assertThat(calls).containsExactly("cost", "stage", "cost", "stage");
    }

    static class FakeStage implements StageHandler {

        private final Stage stage;

        FakeStage(Stage stage) {
            this.stage = stage;
        }

        @Override
        public Stage stage() {
            return stage;
        }

        @Override
        public Optional<BookJob> handle(BookJob job) {
            return Optional.of(job);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EnrichWorker {
        @Bean
        FakeStage enrichStage() {
            return new FakeStage(Stage.ENRICH);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NotionWriter {
        @Bean
        FakeStage writeStage() {
            return new FakeStage(Stage.WRITE);
        }
    }
}

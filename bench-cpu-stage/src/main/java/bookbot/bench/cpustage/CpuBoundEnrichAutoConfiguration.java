package bookbot.bench.cpustage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * BENCHMARK ONLY, never in a production jar: with this jar on an enrich-worker's class path (./benchmark starts the
 * CPU-bound configurations with {@code LOADER_PATH} naming it) and {@value #HASHES} set, the enrich stage spends
 * that many rounds of SHA-256 over 1 KB on every job before its own work.
 */
@AutoConfiguration
@ConditionalOnProperty(CpuBoundEnrichAutoConfiguration.HASHES)
public class CpuBoundEnrichAutoConfiguration {

    public static final String HASHES = "BOOKBOT_BENCH_ENRICH_CPU_HASHES";

    // Static: a post-processor is created before the other beans, this configuration's instance included.
    @Bean
    static EnrichStageDecorator cpuCostBeforeEnrichStage(Environment environment) {
        return new EnrichStageDecorator(new SyntheticCpuCost(environment.getRequiredProperty(HASHES, Integer.class)));
    }
}

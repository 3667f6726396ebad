package bookbot.enrich.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * BENCHMARK ONLY. A fixed amount of CPU work per job — {@code BOOKBOT_BENCH_ENRICH_CPU_HASHES} rounds of SHA-256
 * over 1 KB — so that the scaling benchmark can measure a CPU-bound stage, like the original write-up's counting
 * loop. 0 (the default, and the only sensible production value) does nothing.
 */
@Component
public class SyntheticCpuCost {

    private final int hashes;
    private volatile byte sink;

    public SyntheticCpuCost(@Value("${BOOKBOT_BENCH_ENRICH_CPU_HASHES:0}") int hashes) {
        this.hashes = hashes;
    }

    public void spend() {
        if (hashes <= 0) {
            return;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1024];
            for (int round = 0; round < hashes; round++) {
                byte[] digest = sha.digest(block);
                System.arraycopy(digest, 0, block, round % (block.length - digest.length), digest.length);
            }
            sink = block[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

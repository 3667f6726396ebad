package bookbot.bench.cpustage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fixed amount of CPU work per job — {@code hashes} rounds of SHA-256 over 1 KB — so that the scaling benchmark
 * can measure a CPU-bound stage, like the original write-up's counting loop. 0 does nothing.
 */
public final class SyntheticCpuCost implements Runnable {

    private final int hashes;
    private volatile byte sink;

    public SyntheticCpuCost(int hashes) {
        this.hashes = hashes;
    }

    @Override
    public void run() {
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
            // Kept where the JIT cannot prove it unused, so the loop is not optimised away.
            sink = block[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

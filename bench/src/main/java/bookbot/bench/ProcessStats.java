package bookbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/** What processes cost: resident memory and CPU time, read from /proc and the JDK's process API. */
final class ProcessStats {

    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** Resident set size in bytes (VmRSS), 0 when the process is gone. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static long totalRssBytes(Collection<Long> pids) {
        return pids.stream().mapToLong(ProcessStats::rssBytes).sum();
    }

    /** CPU time (user + system) the processes used so far. */
    static Duration cpuTime(Collection<Long> pids) {
        return pids.stream()
                .map(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU seconds every core of the machine spent busy since boot (everything but idle and iowait). */
    static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}

package bookbot.sandbox.faults;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Calls one fake received, by what it answered. */
final class CallCounts {

    private final Map<Fault, AtomicLong> byFault = new EnumMap<>(Fault.class);
    /** Answered normally as far as the work goes, but the answer was lost (counted among "answered" too). */
    private final AtomicLong lostAnswers = new AtomicLong();

    CallCounts() {
        for (Fault fault : Fault.values()) {
            byFault.put(fault, new AtomicLong());
        }
    }

    void recordLostAnswer() {
        lostAnswers.incrementAndGet();
    }

    void record(Fault fault) {
        byFault.get(fault).incrementAndGet();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<Fault, AtomicLong> entry : byFault.entrySet()) {
            long count = entry.getValue().get();
            total += count;
            snapshot.put(entry.getKey() == Fault.NONE ? "answered" : entry.getKey().name().toLowerCase().replace('_', '-'),
                    count);
        }
        snapshot.put("lost-answer", lostAnswers.get());
        snapshot.put("calls", total);
        return snapshot;
    }

    void reset() {
        byFault.values().forEach(count -> count.set(0));
        lostAnswers.set(0);
    }
}

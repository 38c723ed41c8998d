package dev.quire.core.qbusiness.documents;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of job outcomes for the progress log. */
final class WorkerStats {
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
    private final long startedNanos = System.nanoTime();

    void add(Map<String, Integer> outcomes) {
        outcomes.forEach((k, v) -> totals.computeIfAbsent(k, x -> new AtomicLong()).addAndGet(v));
    }

    Map<String, Long> totals() {
        Map<String, Long> out = new TreeMap<>();
        totals.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    String summary() {
        long all = totals.values().stream().mapToLong(AtomicLong::get).sum();
        double seconds = Math.max((System.nanoTime() - startedNanos) / 1e9, 1e-3);
        return totals() + " (" + String.format("%.1f", all / seconds) + " jobs/s overall)";
    }
}

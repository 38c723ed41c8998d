package dev.quire.cli.admin;

import java.io.PrintStream;

/**
 * One progress line: done/total, rate, ETA, failures. On a terminal it rewrites itself with \r; in
 * a log (or a test) it prints a plain line at most every {@code interval} and always at the end.
 */
final class IngestProgress {
    private static final int BAR = 24;
    private final PrintStream err;
    private final boolean terminal;
    private final String label;
    private final int total;
    private final long start = System.nanoTime();
    private final long intervalNanos;
    private long lastPrinted;

    IngestProgress(PrintStream err, boolean terminal, String label, int total, long intervalMillis) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
        this.total = total;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.lastPrinted = start - intervalNanos;
    }

    void update(int done, int failed) {
        long now = System.nanoTime();
        boolean finished = done + failed >= total;
        if (!terminal && !finished && now - lastPrinted < intervalNanos) {
            return;
        }
        lastPrinted = now;
        String line = line(done, failed, (now - start) / 1e9);
        if (terminal) {
            err.print("\r" + line + (finished ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    String line(int done, int failed, double seconds) {
        int finished = done + failed;
        int filled = total == 0 ? BAR : (int) ((long) BAR * finished / total);
        double rate = finished / Math.max(0.001, seconds);
        String eta = finished == 0 || finished >= total ? "--" : String.format("%.0fs", (total - finished) / rate);
        return String.format("%-8s [%s%s] %d/%d  %.1f files/s  ETA %s  failed %d", label, "#".repeat(filled),
                ".".repeat(BAR - filled), finished, total, rate, eta, failed);
    }
}

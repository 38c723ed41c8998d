package dev.quire.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A benchmark index kept in a directory between runs. Filling a large index costs many minutes,
 * so a run may reuse one, but only one it built itself for the same corpus: a marker file written
 * after the build (and its compaction) names the corpus. A directory holding anything else is
 * refused rather than overwritten or measured.
 */
final class ReusableBenchIndex {
    static final String MARKER = "quire-bench-corpus.txt";

    private ReusableBenchIndex() {
    }

    /**
     * @return true when {@code dir} holds a finished index of {@code corpus}; false when it is
     *         missing or empty (build it there)
     * @throws IllegalStateException when it holds something else
     */
    static boolean check(Path dir, String corpus) {
        try {
            if (!Files.exists(dir)) {
                return false;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    return false;
                }
            }
            Path marker = dir.resolve(MARKER);
            String found = Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).strip() : null;
            if (corpus.equals(found)) {
                return true;
            }
            throw new IllegalStateException(dir + " is not empty and does not hold a finished index of this"
                    + " benchmark's corpus (" + corpus + "; found: " + (found == null ? "no " + MARKER : found)
                    + "). Choose another --index-dir or delete that directory.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** Records that {@code dir} now holds a finished, compacted index of {@code corpus}. */
    static void markBuilt(Path dir, String corpus) {
        try {
            Files.writeString(dir.resolve(MARKER), corpus + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(MARKER), e);
        }
    }
}

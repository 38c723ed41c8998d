package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.search.IndexedChunk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The int8 recall benchmark reads an index the production code wrote and finds the first pass exact on it. */
class Int8RecallBenchTest {
    @TempDir
    Path dir;

    @Test
    void reportsFullRecallOnAnIndexItReadsAndRefusesAMissingOne() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("index"), null)) {
            for (int d = 0; d < 20; d++) {
                List<IndexedChunk> chunks = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    chunks.add(chunk("d" + d, i, "text", SyntheticChunks.unitVector(random, 32),
                            TestChunks.allow("group:g1")));
                }
                index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "d" + d, chunks);
            }
            index.compact();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Int8RecallBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir.resolve("index"), 30);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("largest segment 2,000 chunks");
        assertThat(out.lines().filter(l -> l.contains("% |")).toList()).hasSize(3)
                .allSatisfy(row -> assertThat(row).contains("1.00000"));
        assertThatThrownBy(() -> Int8RecallBench.run(System.out, dir.resolve("nothing-here"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--index-dir");
    }
}

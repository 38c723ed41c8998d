package dev.quire.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark index is built once, resumed from its last commit, and never mistaken for another. */
class BenchIndexBuilderTest {
    @TempDir
    Path root;

    @Test
    void aSecondRunReusesTheIndexWithoutAddingAnything() throws IOException {
        Path dir = root.resolve("idx");
        assertThat(build(dir, 250)).contains("committed chunks 0..99", "committed chunks 0..249");
        assertThat(build(dir, 250)).contains("reusing the index").doesNotContain("building", "compacting");
        assertThat(chunkIds(dir)).hasSize(250);
    }

    @Test
    void theBuiltIndexIsCompactedIntoOneSegmentKeepingItsCommitData() throws IOException {
        Path dir = root.resolve("idx");
        assertThat(build(dir, 250)).contains("compacting", "compacted");
        try (Directory d = FSDirectory.open(dir)) {
            SegmentInfos commit = SegmentInfos.readLatestCommit(d);
            assertThat(commit.size()).isEqualTo(1);
            assertThat(commit.getUserData()).containsEntry(BenchIndexBuilder.DONE, "250");
        }
        assertThat(chunkIds(dir)).hasSize(250);
    }

    @Test
    void anInterruptedBuildResumesAndEndsWithTheSameChunksAsAFreshOne() throws IOException {
        Path partial = root.resolve("partial");
        build(partial, 200);
        // What a 300-chunk build leaves when stopped after its second commit: chunks 0..199, done=200.
        try (Directory d = FSDirectory.open(partial);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new EnglishAnalyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(d).getUserData());
            data.put(BenchIndexBuilder.CHUNKS, "300");
            data.put(BenchIndexBuilder.DONE, "200");
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
        assertThat(build(partial, 300)).contains("resuming the build", "at chunk 200 of 300");
        Path fresh = root.resolve("fresh");
        build(fresh, 300);
        assertThat(chunkIds(partial)).hasSize(300).isEqualTo(chunkIds(fresh));
    }

    @Test
    void aDirectoryHoldingAnotherCorpusIsRefusedAndLeftAlone() throws IOException {
        Path dir = root.resolve("idx");
        build(dir, 120);
        assertThatThrownBy(() -> build(dir, 130)).hasMessageContaining("not this benchmark's corpus");
        assertThat(chunkIds(dir)).hasSize(120);
    }

    private static String build(Path dir, int chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchIndexBuilder.ensure(new PrintStream(out, true, StandardCharsets.UTF_8), dir, chunks, 42, 2, 16, 100);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> chunkIds(Path dir) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Directory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            StoredFields stored = r.storedFields();
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                ids.add(stored.document(doc).get(ChunkDocuments.CHUNK) + "|" + stored.document(doc).get(ChunkDocuments.TEXT));
            }
        }
        return ids;
    }
}

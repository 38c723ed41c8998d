package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.APP;
import static dev.quire.index.lucene.TestChunks.INDEX;
import static dev.quire.index.lucene.TestChunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.DocumentChunks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that returned is committed: a reader opened on the directory's last commit point (what a
 * restarted process would see after a crash) already holds it, while the index is still open.
 */
class LuceneDurabilityTest {
    @Test
    void replaceDocumentsIsCommittedWhenItReturns(@TempDir Path dir) throws IOException {
        AclTerms all = AclTerms.everyone();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            index.replaceDocuments(List.of(
                    new DocumentChunks(APP, INDEX, "a", List.of(chunk("a", 0, "alpha", null, all), chunk("a", 1, "alpha", null, all))),
                    new DocumentChunks(APP, INDEX, "b", List.of(chunk("b", 0, "beta", null, all)))));
            assertThat(committedChunksOf(dir, "a")).isEqualTo(2);
            assertThat(committedChunksOf(dir, "b")).isEqualTo(1);

            index.replaceDocument(APP, INDEX, "a", List.of(chunk("a", 0, "alpha", null, all)));
            assertThat(committedChunksOf(dir, "a")).isEqualTo(1);
        }
    }

    private static int committedChunksOf(Path dir, String documentId) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            return new IndexSearcher(reader).count(new TermQuery(ChunkDocuments.docKey(APP, INDEX, documentId)));
        }
    }
}

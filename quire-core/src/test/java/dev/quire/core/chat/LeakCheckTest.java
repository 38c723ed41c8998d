package dev.quire.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission-leak property: 10,000 ChatSync trials through the real ChatService, the real
 * Lucene index (hybrid BM25 + kNN, ACL inside the query), the real principal resolver and the
 * extractive answerer, with the deterministic {@link HashingEmbedder}. Zero leaks, and enough
 * trials of each kind (forbidden questions, cited answers) that zero means something.
 */
class LeakCheckTest {
    @TempDir
    Path dir;

    @Test
    void noCanaryOfAnUnreadableDocumentEverReachesTheUser() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LeakCheck.Report report;
        try (MetadataStore store = JdbcMetadataStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
             SearchIndex index = LuceneSearchIndex.open(dir.resolve("index"))) {
            report = LeakCheck.run(new PrintStream(log, true, StandardCharsets.UTF_8), 10_000, 20260101L, store, index);
        }
        System.out.print(log.toString(StandardCharsets.UTF_8));
        assertThat(report.leaks()).as(log.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.trials()).isEqualTo(10_000);
        assertThat(report.forbiddenAsked()).as("questions about unreadable documents").isGreaterThan(2_000);
        assertThat(report.answered()).as("answers that cite sources").isGreaterThan(1_500);
        assertThat(report.askedAndCited()).as("readable documents found when asked").isGreaterThan(1_000);
    }
}

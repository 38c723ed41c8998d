package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.qbusiness.documents.IndexingWorker;
import dev.quire.server.support.RunningQuire;
import dev.quire.store.jdbc.JdbcMetadataStore;
import dev.quire.store.jdbc.PostgresTestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.Document;

/** The documents and data source flows on PostgreSQL, and two indexing workers sharing it. */
class DocumentsPostgresTest extends DocumentsSdkContract {
    @TempDir
    static Path dataDir;
    static PostgresTestServer.Database db;
    static JdbcMetadataStore sideStore;
    static RunningQuire quire;
    static QBusinessClient client;
    static DocumentsFixture fixture;

    @BeforeAll
    static void start() {
        db = PostgresTestServer.newDatabase();
        sideStore = JdbcMetadataStore.open(db.jdbcUrl(), db.user(), db.password());
        quire = RunningQuire.start(dataDir, db.jdbcUrl(), db.user(), db.password(), Optional.of(RunningQuire.ROOT));
        client = quire.qbusiness(quire.rootCredentials());
        fixture = DocumentsFixture.create(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        quire.close();
        sideStore.close();
    }

    @Override
    QBusinessClient qb() {
        return client;
    }

    @Override
    DocumentsFixture fixture() {
        return fixture;
    }

    @Nested
    class DataSources extends DataSourcesSdkContract {
        @Override
        QBusinessClient qb() {
            return client;
        }

        @Override
        DocumentsFixture fixture() {
            return fixture;
        }
    }

    @Nested
    class TwoNodes {
        @Test
        void twoWorkersOnOneDatabaseIndexEachDocumentOnce() throws Exception {
            Document[] docs = IntStream.range(0, 10).mapToObj(i -> doc("two-nodes-" + i, "x")).toArray(Document[]::new);
            assertThat(put(docs).failedDocuments()).isEmpty();
            RecordingIndexer indexer = new RecordingIndexer();
            IndexingWorker a = worker("node-a", indexer);
            IndexingWorker b = worker("node-b", indexer);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> fa = pool.submit((Callable<Integer>) a::drainOnce);
                Future<Integer> fb = pool.submit((Callable<Integer>) b::drainOnce);
                fa.get();
                fb.get();
            } finally {
                pool.shutdown();
            }
            // The server's own worker is a third node on the same database and may take some of
            // the jobs; whoever ran them, none ran twice and all ten end INDEXED.
            assertThat(indexer.indexed).extracting(d -> d.documentId()).doesNotHaveDuplicates();
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && IntStream.range(0, 10)
                    .anyMatch(i -> !"INDEXED".equals(listAll().get("two-nodes-" + i).statusAsString()))) {
                Thread.sleep(100);
            }
            for (int i = 0; i < 10; i++) {
                assertThat(listAll().get("two-nodes-" + i).statusAsString()).isEqualTo("INDEXED");
            }
        }

        private IndexingWorker worker(String node, RecordingIndexer indexer) {
            return new IndexingWorker(sideStore, indexer, new IndexingWorker.Settings(node, Duration.ofMinutes(5),
                    Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(30), 3), Clock.systemUTC());
        }
    }
}

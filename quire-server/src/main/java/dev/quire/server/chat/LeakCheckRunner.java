package dev.quire.server.chat;

import dev.quire.core.chat.LeakCheck;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code quire leak}: the chat permission-leak check ({@link LeakCheck}) against a throw-away
 * in-memory H2 store and a Lucene index in a temporary directory, removed afterwards.
 */
public final class LeakCheckRunner {
    private LeakCheckRunner() {
    }

    public static LeakCheck.Report run(PrintStream out, int trials, long seed) {
        Path dir;
        try {
            dir = Files.createTempDirectory("quire-leak-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the leak check", e);
        }
        try (MetadataStore store = JdbcMetadataStore.open("jdbc:h2:mem:leak-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
             SearchIndex index = LuceneSearchIndex.open(dir.resolve("index"))) {
            return LeakCheck.run(out, trials, seed, store, index);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}

package dev.quire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.StoredEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The transactional and concurrent half of {@link MetadataStoreContract}. */
public abstract class MetadataStoreTransactionContract extends MetadataStoreGenerationContract {

    @Test
    void transactionCommitsEveryWriteAndReturnsTheResult() {
        store.insert("t", "old", "", "{}");
        String result = store.inTransaction(() -> {
            store.insert("t", "x", "", "{\"n\":1}");
            store.insert("t", "y", "", "{\"n\":2}");
            store.delete("t", "old");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(store.get("t", "x")).isPresent();
        assertThat(store.get("t", "y")).isPresent();
        assertThat(store.get("t", "old")).isEmpty();
    }

    @Test
    void exceptionInsideTransactionRollsBackEveryWriteAndIsRethrown() {
        StoredEntity kept = store.insert("t", "kept", "s", "{\"v\":1}");
        store.insert("t", "doomed", "s", "{}");
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.insert("t", "new", "s", "{}");
            store.update("t", "kept", "{\"v\":2}", kept.version());
            store.delete("t", "doomed");
            assertThat(store.deleteScope("s")).isEqualTo(2);
            throw boom;
        })).isSameAs(boom);
        assertThat(store.get("t", "new")).isEmpty();
        assertThat(store.get("t", "kept")).contains(kept);
        assertThat(store.get("t", "doomed")).isPresent();
        assertThat(store.count("t", "s")).isEqualTo(2);
    }

    @Test
    void errorsAlsoRollBack() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.insert("t", "x", "", "{}");
            throw new AssertionError("an Error, not an Exception");
        })).isInstanceOf(AssertionError.class);
        assertThat(store.get("t", "x")).isEmpty();
    }

    @Test
    void uncommittedWritesAreSeenByTheirTransactionOnlyUntilCommit() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            store.inTransaction(() -> {
                store.insert("t", "x", "", "{}");
                assertThat(store.get("t", "x")).isPresent();
                assertThat(store.count("t", "")).isEqualTo(1);
                assertThat(join(other.submit(() -> store.get("t", "x")))).isEmpty();
                return null;
            });
            assertThat(other.submit(() -> store.get("t", "x")).get()).isPresent();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void nestedTransactionJoinsTheOuterOne() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.insert("t", "outer", "", "{}");
            store.inTransaction(() -> store.insert("t", "inner", "", "{}"));
            throw new IllegalStateException("outer fails after the inner one finished");
        })).hasMessageContaining("outer fails");
        assertThat(store.get("t", "outer")).isEmpty();
        assertThat(store.get("t", "inner")).isEmpty();

        store.inTransaction(() -> store.inTransaction(() -> store.insert("t", "both", "", "{}")));
        assertThat(store.get("t", "both")).isPresent();
    }

    @Test
    void failedNestedTransactionUndoesOnlyItsOwnWrites() {
        store.inTransaction(() -> {
            store.insert("t", "outer", "", "{}");
            assertThatThrownBy(() -> store.inTransaction(() -> {
                store.insert("t", "inner", "", "{}");
                throw new IllegalStateException("inner fails");
            })).hasMessage("inner fails");
            store.insert("t", "after", "", "{}");
            return null;
        });
        assertThat(store.get("t", "outer")).isPresent();
        assertThat(store.get("t", "inner")).isEmpty();
        assertThat(store.get("t", "after")).isPresent();
    }

    @Test
    void duplicateInsertInsideTransactionLeavesItUsable() {
        store.insert("t", "taken", "", "{}");
        store.inTransaction(() -> {
            store.insert("t", "first", "", "{}");
            assertThatThrownBy(() -> store.insert("t", "taken", "", "{}"))
                    .isInstanceOf(EntityExistsException.class);
            store.insert("t", "second", "", "{}");
            return null;
        });
        assertThat(store.get("t", "first")).isPresent();
        assertThat(store.get("t", "second")).isPresent();
    }

    @Test
    void ofTwoConcurrentUpdatesOfOneVersionExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = "race-" + round;
            StoredEntity original = store.insert("t", id, "", "{}");
            List<Object> outcomes = race(
                    () -> store.update("t", id, "{\"by\":1}", original.version()),
                    () -> store.update("t", id, "{\"by\":2}", original.version()));
            assertThat(outcomes).filteredOn(o -> o instanceof StoredEntity).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConcurrentUpdateException).hasSize(1);
            StoredEntity winner = (StoredEntity) outcomes.stream()
                    .filter(o -> o instanceof StoredEntity).findFirst().orElseThrow();
            assertThat(winner.version()).isEqualTo(2);
            assertThat(store.get("t", id)).contains(winner);
        }
    }

    @Test
    void ofTwoConcurrentInsertsOfOneIdExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = "race-" + round;
            List<Object> outcomes = race(
                    () -> store.insert("t", id, "", "{\"by\":1}"),
                    () -> store.insert("t", id, "", "{\"by\":2}"));
            assertThat(outcomes).filteredOn(o -> o instanceof StoredEntity).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof EntityExistsException).hasSize(1);
        }
    }

    /** Runs both actions at once; each outcome is the returned value or the thrown exception. */
    private static List<Object> race(Supplier<Object> a, Supplier<Object> b) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> runs = new ArrayList<>();
            for (Supplier<Object> action : List.of(a, b)) {
                runs.add(threads.submit(() -> {
                    start.await();
                    try {
                        return action.get();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> run : runs) {
                outcomes.add(run.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.quire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The change counters of {@link MetadataStore#generation}: what principal caches on every node
 * trust to notice a permission change, so a lost or early-visible increment is a leak.
 */
public abstract class MetadataStoreGenerationContract extends MetadataStoreFixture {

    @Test
    void aCounterStartsAtZeroAndEachBumpAddsOne() {
        assertThat(store.generation("principals/a")).isZero();
        store.bumpGeneration("principals/a");
        store.bumpGeneration("principals/a");
        assertThat(store.generation("principals/a")).isEqualTo(2);
        assertThat(store.generation("principals/b")).as("counters are independent").isZero();
    }

    @Test
    void aCounterIsNoRecordAndOutlivesCascadingDeletes() {
        store.bumpGeneration("app/x");
        store.deleteScope("app/x");
        assertThat(store.count("app/x", "")).isZero();
        assertThat(store.generation("app/x")).isEqualTo(1);
        assertThat(reopen().generation("app/x")).as("durable").isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionTakesItsBumpBack() {
        store.bumpGeneration("c");
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.insert("t", "x", "", "{}");
            store.bumpGeneration("c");
            store.bumpGeneration("new-counter");
            assertThat(store.generation("c")).as("the transaction sees its own bump").isEqualTo(2);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(store.generation("c")).isEqualTo(1);
        assertThat(store.generation("new-counter")).isZero();
    }

    @Test
    void aBumpIsInvisibleToOthersUntilItsTransactionCommits() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            store.inTransaction(() -> {
                store.bumpGeneration("c");
                store.insert("t", "x", "", "{}");
                assertThat(call(other, () -> store.generation("c"))).isZero();
                return null;
            });
            assertThat(call(other, () -> store.generation("c"))).isEqualTo(1);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void isInTransactionTellsWhetherTheThreadIsInsideOne() {
        assertThat(store.isInTransaction()).isFalse();
        assertThat(store.inTransaction(store::isInTransaction)).isTrue();
        assertThat(store.isInTransaction()).isFalse();
    }

    /** Threads on two stores (two nodes) bump a counter none has created yet, alone and in transactions. */
    @Test
    void concurrentBumpsFromTwoNodesNeitherFailNorLoseAnIncrement() throws Exception {
        int threads = 8;
        int bumpsEach = 25;
        MetadataStore otherNode = openStore();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                MetadataStore node = t % 2 == 0 ? store : otherNode;
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < bumpsEach; i++) {
                        if (i % 2 == 0) {
                            node.bumpGeneration("shared");
                        } else {
                            String id = thread + "-" + i;
                            node.inTransaction(() -> {
                                node.insert("t", id, "", "{}");
                                node.bumpGeneration("shared");
                                return null;
                            });
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(store.generation("shared")).isEqualTo((long) threads * bumpsEach);
            assertThat(otherNode.generation("shared")).isEqualTo((long) threads * bumpsEach);
        } finally {
            pool.shutdownNow();
            otherNode.close();
        }
    }

    private static <T> T call(ExecutorService thread, java.util.concurrent.Callable<T> work) {
        try {
            return thread.submit(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

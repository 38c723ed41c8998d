package dev.quire.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two caches over one store stand for two Quire nodes sharing one database. */
class StoredAssertionReplayCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final Instant IN_5_MIN = T0.plus(Duration.ofMinutes(5));

    private static final class MovableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final MetadataStore store =
            JdbcMetadataStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final StoredAssertionReplayCache nodeA = new StoredAssertionReplayCache(store, clock);
    private final StoredAssertionReplayCache nodeB = new StoredAssertionReplayCache(store, clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAssertionAcceptedByOneNodeIsRefusedByItAndByTheOther() {
        assertThat(nodeA.firstUse("ID_mary_1", IN_5_MIN)).isTrue();
        assertThat(nodeA.firstUse("ID_mary_1", IN_5_MIN)).isFalse();
        assertThat(nodeB.firstUse("ID_mary_1", IN_5_MIN)).isFalse();
        assertThat(nodeB.firstUse("ID_mary_2", IN_5_MIN)).isTrue();
        assertThat(nodeA.liveCount()).isEqualTo(2);
    }

    @Test
    void anIdIsRememberedUntilItsExpiryAndAcceptedOnceAgainAfter() {
        assertThat(nodeA.firstUse("ID_x", IN_5_MIN)).isTrue();
        clock.now = IN_5_MIN.minusMillis(1);
        assertThat(nodeB.firstUse("ID_x", IN_5_MIN)).isFalse();
        clock.now = IN_5_MIN;
        Instant later = IN_5_MIN.plus(Duration.ofMinutes(5));
        assertThat(nodeB.firstUse("ID_x", later)).isTrue();
        assertThat(nodeA.firstUse("ID_x", later)).isFalse();
    }

    @Test
    void idsThatDifferOnlyInCaseOrLengthAreDistinct() {
        assertThat(nodeA.firstUse("ID_abc", IN_5_MIN)).isTrue();
        assertThat(nodeA.firstUse("ID_ABC", IN_5_MIN)).isTrue();
        String longId = "_" + "a".repeat(10_000);
        assertThat(nodeA.firstUse(longId, IN_5_MIN)).isTrue();
        assertThat(nodeB.firstUse(longId, IN_5_MIN)).isFalse();
    }

    @Test
    void ofManyNodesRacingWithOneAssertionExactlyOneWins() throws Exception {
        List<StoredAssertionReplayCache> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(new StoredAssertionReplayCache(store, clock));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "ID_race_" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (StoredAssertionReplayCache node : nodes) {
                    Callable<Boolean> attempt = () -> {
                        start.await();
                        return node.firstUse(id, IN_5_MIN);
                    };
                    answers.add(pool.submit(attempt));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> answer : answers) {
                    accepted += answer.get() ? 1 : 0;
                }
                assertThat(accepted).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sweepingForgetsOnlyExpiredIds() {
        for (int i = 0; i < 10; i++) {
            assertThat(nodeA.firstUse("ID_short_" + i, T0.plusSeconds(60))).isTrue();
        }
        assertThat(nodeA.firstUse("ID_long", IN_5_MIN)).isTrue();
        clock.now = T0.plusSeconds(60);
        nodeA.sweepExpired();
        assertThat(store.count(StoredAssertionReplayCache.KIND, StoredAssertionReplayCache.SCOPE)).isEqualTo(1);
        assertThat(nodeB.firstUse("ID_long", IN_5_MIN)).isFalse();
    }

    @Test
    void sweepsHappenByThemselvesAsCallsGoBy() {
        assertThat(nodeA.firstUse("ID_old", T0.plusSeconds(1))).isTrue();
        clock.now = T0.plusSeconds(2);
        for (int i = 0; i < StoredAssertionReplayCache.SWEEP_EVERY; i++) {
            nodeA.firstUse("ID_new_" + i, IN_5_MIN);
        }
        assertThat(store.count(StoredAssertionReplayCache.KIND, StoredAssertionReplayCache.SCOPE))
                .isEqualTo(StoredAssertionReplayCache.SWEEP_EVERY);
    }

    @Test
    void failsClosedWhenTheStoreCannotRecord() {
        store.close();
        assertThat(nodeA.firstUse("ID_after_close", IN_5_MIN)).isFalse();
    }
}

package dev.quire.identity.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryAssertionReplayCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    /** A clock tests can move. */
    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();

    @Test
    void acceptsAnIdOnceUntilItExpires() {
        var cache = new InMemoryAssertionReplayCache(clock, 10);
        assertThat(cache.firstUse("ID_a", T0.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(cache.firstUse("ID_a", T0.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(cache.firstUse("ID_b", T0.plus(Duration.ofMinutes(5)))).isTrue();
        clock.now = T0.plus(Duration.ofMinutes(5));
        assertThat(cache.size()).isZero();
    }

    @Test
    void refusesNewIdsWhenFullOfLiveOnesAndRecoversAfterExpiry() {
        var cache = new InMemoryAssertionReplayCache(clock, 2);
        assertThat(cache.firstUse("ID_a", T0.plusSeconds(60))).isTrue();
        assertThat(cache.firstUse("ID_b", T0.plusSeconds(120))).isTrue();
        assertThat(cache.firstUse("ID_c", T0.plusSeconds(120))).isFalse();
        clock.now = T0.plusSeconds(60);
        assertThat(cache.firstUse("ID_c", T0.plusSeconds(120))).isTrue();
        assertThat(cache.firstUse("ID_b", T0.plusSeconds(120))).isFalse();
    }
}

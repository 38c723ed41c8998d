package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

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

    @Test
    void aLoginIsTakenOnceUnderItsRandomKey() {
        PendingLogins<String> logins = new PendingLogins<>(new HandClock());
        String key = logins.put("request-1");

        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(logins.take(key)).contains("request-1");
        assertThat(logins.take(key)).isEmpty();
        assertThat(logins.take("guessed")).isEmpty();
        assertThat(logins.take(null)).isEmpty();
    }

    @Test
    void anExpiredLoginIsRefused() {
        HandClock clock = new HandClock();
        PendingLogins<String> logins = new PendingLogins<>(clock);
        String early = logins.put("a");
        String late = logins.put("b");

        clock.now = clock.now.plus(PendingLogins.LIFETIME).minus(Duration.ofSeconds(1));
        assertThat(logins.take(early)).contains("a");
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(logins.take(late)).isEmpty();
    }
}

package dev.quire.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.identity.credentials.SessionClaims;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What browsers start and abandon does not pile up: expired pending sign-ins and sessions are swept
 * as new ones are written, and an application's unexpired pending sign-ins are capped, with a
 * back-off so a flood of starts does not make each of them pay for a full sweep.
 */
class WebSessionsSweepTest {
    private static final int LIMIT = 50;

    @TempDir
    Path dataDir;
    JdbcMetadataStore store;
    final WebSessionsSamlRequestTest.SteppingClock clock =
            new WebSessionsSamlRequestTest.SteppingClock(Instant.parse("2026-12-08T05:00:00Z"));
    WebSessions sessions;

    @BeforeEach
    void open() {
        store = JdbcMetadataStore.openEmbedded(dataDir);
        sessions = new WebSessions(store, new SecureRandom(), clock, LIMIT);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String begin(String app, Instant expiresAt) {
        return sessions.beginLogin(app, new WebSessions.PendingLogin("web-1", "s", "n", "v", expiresAt));
    }

    private long pendingLogins(String app) {
        return store.count(WebSessions.LOGIN_KIND, "app/" + app);
    }

    @Test
    void abandonedSignInsAreSweptAsNewOnesStart() {
        WebSessions roomy = new WebSessions(store, new SecureRandom(), clock);
        for (int i = 0; i < 40; i++) {
            roomy.beginLogin("app-1", new WebSessions.PendingLogin("web-1", "s", "n", "v", roomy.loginDeadline()));
        }
        clock.advance(Duration.ofSeconds(WebSessions.LOGIN_TTL_SECONDS));
        for (int i = 0; i < WebSessions.SWEEP_EVERY; i++) {
            roomy.beginLogin("app-1", new WebSessions.PendingLogin("web-1", "s", "n", "v", roomy.loginDeadline()));
        }
        // 72 starts: the sweep at the 64th found the 40 abandoned ones expired; the 32 new ones live.
        assertThat(pendingLogins("app-1")).isEqualTo(WebSessions.SWEEP_EVERY);
    }

    @Test
    void expiredSessionsAreSweptAsNewOnesAreCreated() {
        Instant soon = clock.instant().plusSeconds(60);
        for (int i = 0; i < WebSessions.SWEEP_EVERY - 1; i++) {
            sessions.create("web-1", "app-1", claims(soon), null);
        }
        clock.advance(Duration.ofSeconds(61));
        sessions.create("web-1", "app-1", claims(clock.instant().plusSeconds(3600)), null);
        assertThat(store.count(WebSessions.KIND, "app/app-1")).isEqualTo(1);
    }

    @Test
    void anApplicationHoldsAtMostTheLimitOfUnexpiredSignIns() {
        for (int i = 0; i < LIMIT; i++) {
            begin("app-1", sessions.loginDeadline());
        }
        assertThatThrownBy(() -> begin("app-1", sessions.loginDeadline()))
                .isInstanceOf(WebSessions.TooManyPendingSignIns.class).hasMessageContaining("try again");
        assertThat(pendingLogins("app-1")).isEqualTo(LIMIT);
        begin("app-2", sessions.loginDeadline()); // another application is not affected
        clock.advance(Duration.ofSeconds(WebSessions.LOGIN_TTL_SECONDS));
        begin("app-1", sessions.loginDeadline()); // expired: swept, room again
        assertThat(pendingLogins("app-1")).isEqualTo(1);
    }

    @Test
    void whileFullItRefusesWithoutSweepingAgainUntilTheBackOffEnds() {
        for (int i = 0; i < LIMIT; i++) {
            begin("app-1", clock.instant().plusSeconds(5));
        }
        assertThatThrownBy(() -> begin("app-1", sessions.loginDeadline()))
                .isInstanceOf(WebSessions.TooManyPendingSignIns.class);
        clock.advance(Duration.ofSeconds(6)); // all expired now, but inside the back-off: no sweep
        assertThatThrownBy(() -> begin("app-1", sessions.loginDeadline()))
                .isInstanceOf(WebSessions.TooManyPendingSignIns.class);
        assertThat(pendingLogins("app-1")).isEqualTo(LIMIT);
        clock.advance(Duration.ofSeconds(WebSessions.FULL_BACKOFF_SECONDS));
        begin("app-1", sessions.loginDeadline());
        assertThat(pendingLogins("app-1")).isEqualTo(1);
    }

    @Test
    void aSignInInFlightStillCompletesWhenTheApplicationIsFull() {
        String first = begin("app-1", sessions.loginDeadline());
        for (int i = 1; i < LIMIT; i++) {
            begin("app-1", sessions.loginDeadline());
        }
        assertThatThrownBy(() -> begin("app-1", sessions.loginDeadline()))
                .isInstanceOf(WebSessions.TooManyPendingSignIns.class);
        assertThat(sessions.takeLogin(first)).isPresent();
    }

    @Test
    void unreadableRecordsAreKept() {
        store.insert(WebSessions.LOGIN_KIND, "garbage", "app/app-1", "{not json");
        clock.advance(Duration.ofDays(1));
        new ExpiredRecordSweeper(store, clock, 10).sweepAll(WebSessions.LOGIN_KIND, "app/app-1",
                json -> { throw new IllegalStateException("unreadable"); });
        assertThat(store.get(WebSessions.LOGIN_KIND, "garbage")).isPresent();
    }

    @Test
    void aFullSweepWalksEveryPage() {
        for (int i = 0; i < 25; i++) {
            begin("app-3", clock.instant().plusSeconds(1));
        }
        clock.advance(Duration.ofSeconds(2));
        int deleted = new ExpiredRecordSweeper(store, clock, 10).sweepAll(WebSessions.LOGIN_KIND, "app/app-3",
                json -> Instant.EPOCH);
        assertThat(deleted).isEqualTo(25);
        assertThat(pendingLogins("app-3")).isZero();
    }

    private SessionClaims claims(Instant expiresAt) {
        return new SessionClaims("ASIAEXAMPLE", "secret", "123456789012", "arn:aws:iam::123456789012:role/web",
                "AROAEXAMPLE", "mary", Map.of("Email", "mary@example.com"), List.of(), null, "idp",
                clock.instant(), expiresAt);
    }
}

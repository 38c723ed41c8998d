package dev.quire.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SAML request binding in the metadata store: one use, fresh only, found only by its exact cookie. */
class WebSessionsSamlRequestTest {
    @TempDir
    Path dataDir;
    JdbcMetadataStore store;
    final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-28T05:00:00Z"));
    WebSessions sessions;

    @BeforeEach
    void open() {
        store = JdbcMetadataStore.openEmbedded(dataDir);
        sessions = new WebSessions(store, new SecureRandom(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String bind(String requestId) {
        return sessions.bindSamlRequest("app-1",
                new WebSessions.PendingSamlRequest("web-1", requestId, sessions.loginDeadline()));
    }

    @Test
    void aBindingIsTakenOnceWithItsRequestId() {
        String cookie = bind("_request-1");
        assertThat(sessions.takeSamlRequest(cookie).map(WebSessions.PendingSamlRequest::requestId))
                .contains("_request-1");
        assertThat(sessions.takeSamlRequest(cookie)).isEmpty();
    }

    @Test
    void aBindingPastTenMinutesIsGone() {
        String fresh = bind("_request-1");
        String stale = bind("_request-2");
        clock.advance(Duration.ofSeconds(WebSessions.LOGIN_TTL_SECONDS - 1));
        assertThat(sessions.takeSamlRequest(fresh)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.takeSamlRequest(stale)).isEmpty();
    }

    @Test
    void onlyTheExactCookieFindsIt() {
        String cookie = bind("_request-1");
        String altered = (cookie.charAt(0) == 'A' ? 'B' : 'A') + cookie.substring(1);
        assertThat(sessions.takeSamlRequest(altered)).isEmpty();
        assertThat(sessions.takeSamlRequest(cookie + "A")).isEmpty();
        assertThat(sessions.takeSamlRequest(null)).isEmpty();
        assertThat(sessions.takeSamlRequest(cookie)).isPresent(); // control: the misses did not use it up
    }

    @Test
    void anOidcLoginCookieIsNoSamlBinding() {
        String login = sessions.beginLogin("app-1", new WebSessions.PendingLogin("web-1", "_request-1", "n", "v",
                sessions.loginDeadline()));
        assertThat(sessions.takeSamlRequest(login)).isEmpty();
        assertThat(sessions.takeLogin(login)).isPresent();
    }

    /** A clock the test moves forward. */
    static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
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
}

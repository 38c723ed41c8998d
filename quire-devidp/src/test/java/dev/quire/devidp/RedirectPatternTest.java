package dev.quire.devidp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectPatternTest {
    private static final List<String> LOOPBACK_ANY = List.of("http://127.0.0.1/*");

    @Test
    void aLoopbackPatternWithoutPortAcceptsAnyPortOfThatHost() {
        assertThat(RedirectPattern.anyMatches(LOOPBACK_ANY, "http://127.0.0.1:53682/callback?x=1")).isTrue();
        assertThat(RedirectPattern.anyMatches(LOOPBACK_ANY, "http://127.0.0.1/")).isTrue();
        assertThat(RedirectPattern.anyMatches(LOOPBACK_ANY, "http://localhost:53682/callback")).isFalse();
        assertThat(RedirectPattern.anyMatches(LOOPBACK_ANY, "https://127.0.0.1:53682/callback")).isFalse();
    }

    @Test
    void aNonLoopbackPatternPinsItsPort() {
        List<String> patterns = List.of("https://app.example.com/*");
        assertThat(RedirectPattern.anyMatches(patterns, "https://app.example.com/cb")).isTrue();
        assertThat(RedirectPattern.anyMatches(patterns, "https://app.example.com:443/cb")).isTrue();
        assertThat(RedirectPattern.anyMatches(patterns, "https://app.example.com:8443/cb")).isFalse();
    }

    @Test
    void hostConfusionUserInfoFragmentsAndDotSegmentsNeverMatch() {
        List<String> patterns = List.of("http://127.0.0.1/app/*", "http://localhost:8000/saml");
        for (String bad : List.of("http://127.0.0.1.evil.example/app/x", "http://evil.example@127.0.0.1/app/x",
                "http://127.0.0.1/app/x#f", "http://127.0.0.1/app/../admin", "http://127.0.0.1/app/%2e%2e/admin",
                "http://127.0.0.1/application", "http://localhost:8000/saml?x=1", "http://localhost:8000/saml/",
                "javascript:alert(1)", "//127.0.0.1/app/x", "not a uri")) {
            assertThat(RedirectPattern.anyMatches(patterns, bad)).as(bad).isFalse();
        }
        assertThat(RedirectPattern.anyMatches(patterns, "http://localhost:8000/saml")).isTrue();
        assertThat(RedirectPattern.anyMatches(patterns, "http://127.0.0.1:9/app/x/y")).isTrue();
        assertThat(RedirectPattern.anyMatches(patterns, null)).isFalse();
    }

    @Test
    void aWildcardAnywhereButAfterTheLastSlashIsRejectedAtConfiguration() {
        assertThatThrownBy(() -> RedirectPattern.parse("http://127.0.0.1*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedirectPattern.parse("http://*.example.com/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DevOidcClient("c", "s", List.of("http://127.0.0.1/cb*")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

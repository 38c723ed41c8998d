package dev.quire.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssuerPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://idp.example.com/realms/acme", "http://127.0.0.1:18080/realms/acme", "http://127.1.2.3/x",
            "http://localhost:8080/", "http://LOCALHOST/", "http://[::1]:8080/realms/a"})
    void permitsHttpsAndLoopbackHttp(String url) {
        assertThat(IssuerPolicy.loopbackHttpOnly().permits(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://idp.example.com/realms/acme", "http://127.0.0.1.nip.io/", "http://localhost.example.com/",
            "http://128.0.0.1/", "http://0x7f.0.0.1/", "http://10.0.0.1/", "http://[::2]/",
            "https://user@idp.example.com/", "ftp://127.0.0.1/", "file:///etc/passwd", "/relative/path",
            "mailto:a@example.com"})
    void refusesEverythingElseByDefault(String url) {
        assertThat(IssuerPolicy.loopbackHttpOnly().permits(URI.create(url))).isFalse();
    }

    @Test
    void allowInsecureHttpOpensPlainHttpButNotOtherSchemes() {
        IssuerPolicy lenient = IssuerPolicy.allowInsecureHttp(true);
        assertThat(lenient.permits(URI.create("http://idp.example.com/realms/acme"))).isTrue();
        assertThat(lenient.permits(URI.create("ftp://idp.example.com/"))).isFalse();
        assertThat(IssuerPolicy.allowInsecureHttp(false).permits(URI.create("http://idp.example.com/"))).isFalse();
    }
}

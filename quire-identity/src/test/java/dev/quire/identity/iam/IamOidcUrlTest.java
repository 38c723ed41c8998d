package dev.quire.identity.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.error.ApiError;
import org.junit.jupiter.api.Test;

class IamOidcUrlTest {
    @Test
    void resourceIsAuthorityAndPathWithoutOneTrailingSlash() {
        OidcUrl url = OidcUrl.parse("https://Idp.example.com:8443/a/b/");
        assertThat(url.url()).isEqualTo("https://Idp.example.com:8443/a/b");
        assertThat(url.resource()).isEqualTo("Idp.example.com:8443/a/b");
    }

    @Test
    void loopbackIsJudgedByTextNeverByResolution() {
        assertThat(OidcUrl.isLoopback("127.0.0.1")).isTrue();
        assertThat(OidcUrl.isLoopback("127.255.255.255")).isTrue();
        assertThat(OidcUrl.isLoopback("LOCALHOST")).isTrue();
        assertThat(OidcUrl.isLoopback("[::1]")).isTrue();
        assertThat(OidcUrl.isLoopback("127.0.0.1.example.com")).isFalse();
        assertThat(OidcUrl.isLoopback("0177.0.0.1")).isFalse();
        assertThat(OidcUrl.isLoopback("2130706433")).isFalse();
        assertThat(OidcUrl.isLoopback("[::ffff:127.0.0.1]")).isFalse();
        assertThatThrownBy(() -> OidcUrl.parse("http://0x7f.0.0.1")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> OidcUrl.parse("HTTPS://idp.example.com")).isInstanceOf(ApiError.class);
    }
}

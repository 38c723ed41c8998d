package dev.quire.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The SAML request cookie must come back on the IdP's cross-site POST to the ACS: a Lax cookie is
 * not sent on one, so over https it is {@code SameSite=None; Secure}; browsers drop {@code None}
 * without {@code Secure}, so over http it stays Lax (sent only from a same-site IdP).
 */
class WebHttpCrossSiteCookieTest {
    @Test
    void overHttpsItIsSentCrossSiteAndOnlyOverTls() {
        assertThat(WebHttp.setCrossSiteCookie("quire_saml_request", "v", "/web/w/saml", true, 600))
                .isEqualTo("quire_saml_request=v; Path=/web/w/saml; HttpOnly; SameSite=None; Secure; Max-Age=600");
    }

    @Test
    void overHttpItStaysLaxBecauseBrowsersRefuseNoneWithoutSecure() {
        assertThat(WebHttp.setCrossSiteCookie("quire_saml_request", "v", "/web/w/saml", false, 600))
                .isEqualTo("quire_saml_request=v; Path=/web/w/saml; HttpOnly; SameSite=Lax; Max-Age=600");
    }
}

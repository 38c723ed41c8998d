package dev.quire.devidp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlAndSecretsTest {
    @Test
    void everyValueIsEscapedAndEveryPageCarriesTheBanner() {
        String evil = "\"><script>alert('x')</script>&";
        String login = Html.loginPage(evil, evil, "http://127.0.0.1/a?b=1&c=2", "tx", evil, evil, evil);
        String post = Html.autoPost("http://127.0.0.1/acs?a=1&b=2", Map.of("RelayState", evil), "nonce");
        String message = Html.message(evil, evil);

        for (String page : new String[] {login, post, message}) {
            assertThat(page).doesNotContain("<script>alert").doesNotContain("'x'")
                    .contains("class=\"dev-banner\"").contains("Development IdP \u2014 not for production");
        }
        assertThat(login).contains("action=\"http://127.0.0.1/a?b=1&amp;c=2\"")
                .contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
        assertThat(post).contains("<script nonce=\"nonce\">");
    }

    @Test
    void constantTimeEqualsMatchesOnlyEqualNonNullSecrets() {
        assertThat(Secrets.constantTimeEquals("secret", "secret")).isTrue();
        assertThat(Secrets.constantTimeEquals("secret", "secreT")).isFalse();
        assertThat(Secrets.constantTimeEquals("secret", "secret2")).isFalse();
        assertThat(Secrets.constantTimeEquals(null, null)).isFalse();
        assertThat(Secrets.constantTimeEquals("", null)).isFalse();
        assertThat(Secrets.constantTimeEquals(null, "")).isFalse();
    }

    @Test
    void pkceS256MatchesTheRfc7636Example() {
        assertThat(Secrets.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }
}

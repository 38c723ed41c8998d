package dev.quire.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a browser gets when a web experience starts an SP-initiated SAML sign-in: the IdP URL with
 * the AuthnRequest, that request's ID (read back out of the Redirect binding, as the IdP reads it),
 * and the cookie binding the request to the browser (its value and the whole Set-Cookie header).
 */
record SpInitiatedStart(String idpUrl, String requestId, String cookie, String setCookie) {
    private static final Pattern REQUEST_ID = Pattern.compile("<samlp:AuthnRequest\\b[^>]*\\sID=\"([^\"]+)\"");

    static SpInitiatedStart of(HttpResponse<String> begin, String ssoUrl) {
        assertThat(begin.statusCode()).as(begin.body()).isEqualTo(302);
        String location = begin.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(ssoUrl + "?SAMLRequest=");
        String setCookie = begin.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(WebLogin.SAML_REQUEST_COOKIE + "=")).findFirst().orElseThrow();
        String cookie = setCookie.substring(WebLogin.SAML_REQUEST_COOKIE.length() + 1).split(";", 2)[0];
        return new SpInitiatedStart(location, requestId(location), cookie, setCookie);
    }

    private static String requestId(String location) {
        String query = URI.create(location).getRawQuery();
        String encoded = query.substring("SAMLRequest=".length()).split("&", 2)[0];
        String xml = inflate(Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.UTF_8)));
        Matcher m = REQUEST_ID.matcher(xml);
        assertThat(m.find()).as(xml).isTrue();
        return m.group(1);
    }

    private static String inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }
}

package dev.quire.cli.login;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.Deflater;

/**
 * SP-initiated sign-in for {@code login --saml --sp-initiated}: the IdP's SingleSignOnService URL
 * (what its metadata lists, the seed's IDP_SSO_URL) with an unsigned AuthnRequest from AWS's
 * service provider {@code urn:amazon:webservices} asking for the answer at the ACS URL, in the
 * HTTP-Redirect binding.
 */
final class AuthnRequests {
    static final String SP_ENTITY_ID = "urn:amazon:webservices";

    private AuthnRequests() {
    }

    static URI signInUrl(URI ssoUrl, String acsUrl) {
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + UUID.randomUUID() + "\""
                + " Version=\"2.0\" IssueInstant=\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\""
                + " Destination=\"" + attr(ssoUrl.toString()) + "\" AssertionConsumerServiceURL=\"" + attr(acsUrl) + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + SP_ENTITY_ID + "</saml:Issuer><samlp:NameIDPolicy AllowCreate=\"true\"/>"
                + "</samlp:AuthnRequest>";
        String parameter = URLEncoder.encode(deflateBase64(xml), StandardCharsets.UTF_8);
        return URI.create(ssoUrl + (ssoUrl.getRawQuery() == null ? "?" : "&") + "SAMLRequest=" + parameter);
    }

    private static String deflateBase64(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true); // raw DEFLATE, as the binding requires
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String attr(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}

package dev.quire.identity.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * An unsigned SAML 2.0 AuthnRequest for SP-initiated sign-in, sent in the HTTP-Redirect binding
 * (SAML Bindings §3.4: raw DEFLATE, base64, URL-encoded as the SAMLRequest parameter), asking for
 * the response by HTTP-POST at an ACS URL. Used by the web experience's SAML sign-in and by
 * {@code quire login --saml --sp-initiated}; the IdP decides whether it accepts unsigned requests.
 */
public final class SamlAuthnRequest {
    private SamlAuthnRequest() {
    }

    /**
     * The request XML. {@code id} must start with a letter or underscore (an xs:ID); {@code destination}
     * may be null (optional in unsigned requests); {@code nameIdFormat} may be null (the IdP's default).
     */
    public static String xml(String id, Instant issueInstant, String issuer, String destination, String acsUrl,
                             String nameIdFormat) {
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + attr(id) + "\" Version=\"2.0\""
                + " IssueInstant=\"" + issueInstant.truncatedTo(ChronoUnit.SECONDS) + "\""
                + (destination == null ? "" : " Destination=\"" + attr(destination) + "\"")
                + " AssertionConsumerServiceURL=\"" + attr(acsUrl) + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + attr(issuer) + "</saml:Issuer>"
                + "<samlp:NameIDPolicy" + (nameIdFormat == null ? "" : " Format=\"" + attr(nameIdFormat) + "\"")
                + " AllowCreate=\"true\"/></samlp:AuthnRequest>";
    }

    /** {@code ssoUrl} with the request appended as its SAMLRequest query parameter. */
    public static String redirectUrl(String ssoUrl, String requestXml) {
        return ssoUrl + (ssoUrl.contains("?") ? "&" : "?") + "SAMLRequest=" + redirectParameter(requestXml);
    }

    /** The SAMLRequest value: raw DEFLATE (no zlib header), base64, then URL-encoding. */
    public static String redirectParameter(String requestXml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(requestXml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return URLEncoder.encode(Base64.getEncoder().encodeToString(out.toByteArray()), StandardCharsets.UTF_8);
    }

    private static String attr(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

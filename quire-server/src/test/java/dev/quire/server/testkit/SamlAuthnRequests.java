package dev.quire.server.testkit;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.Deflater;

/** Builds unsigned SAML 2.0 AuthnRequests for the HTTP-Redirect binding, as an AWS-style SP would. */
public final class SamlAuthnRequests {
    private SamlAuthnRequests() {
    }

    /**
     * An AuthnRequest asking for an email NameID and a POST-binding answer at {@code acsUrl}.
     * {@code destination} may be null (it is optional for unsigned requests).
     */
    public static String authnRequestXml(String issuer, String acsUrl, String destination) {
        String destinationAttribute = destination == null ? "" : " Destination=\"" + xmlAttr(destination) + "\"";
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\""
                + " ID=\"_" + UUID.randomUUID() + "\" Version=\"2.0\""
                + " IssueInstant=\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\""
                + destinationAttribute
                + " AssertionConsumerServiceURL=\"" + xmlAttr(acsUrl) + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + xmlAttr(issuer) + "</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\""
                + " AllowCreate=\"true\"/>"
                + "</samlp:AuthnRequest>";
    }

    /** Raw DEFLATE (no zlib header), then base64, then URL-encoding: the Redirect-binding encoding. */
    public static String redirectBindingParameter(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        String base64 = Base64.getEncoder().encodeToString(out.toByteArray());
        return URLEncoder.encode(base64, StandardCharsets.UTF_8);
    }

    private static String xmlAttr(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}

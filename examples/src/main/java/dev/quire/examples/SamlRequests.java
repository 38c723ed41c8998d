package dev.quire.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.Deflater;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/** The SP side of SAML that SamlApp needs: an AuthnRequest out, the InResponseTo of a Response back. */
final class SamlRequests {
    private static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";

    private SamlRequests() {
    }

    /** A fresh request id: an XML NCName, so it starts with a letter or underscore. */
    static String newRequestId() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** An unsigned AuthnRequest from {@code issuer} asking for a POST to {@code acsUrl}. */
    static String authnRequest(String id, String issuer, String destination, String acsUrl) {
        return "<samlp:AuthnRequest xmlns:samlp=\"" + PROTOCOL_NS + "\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + Web.escape(id) + "\" Version=\"2.0\""
                + " IssueInstant=\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\""
                + " Destination=\"" + Web.escape(destination) + "\""
                + " AssertionConsumerServiceURL=\"" + Web.escape(acsUrl) + "\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + Web.escape(issuer) + "</saml:Issuer></samlp:AuthnRequest>";
    }

    /**
     * The HTTP-Redirect binding's encoding: raw DEFLATE, then base64 (the seed sends plain base64,
     * which the binding does not allow and IdPs such as Keycloak refuse).
     */
    static String redirectEncode(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
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

    /**
     * The {@code InResponseTo} of a samlp:Response, read with DOCTYPEs refused (no XXE). Only a
     * routing hint: the signature is for STS to check, and it does.
     */
    static Optional<String> inResponseTo(String responseXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(responseXml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!PROTOCOL_NS.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
                return Optional.empty();
            }
            String value = root.getAttribute("InResponseTo");
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}

package dev.quire.identity.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds SAML responses from {@code keycloak-response-template.xml} (the shape Keycloak emits),
 * with fields tests can change before building, and helpers to reach and serialize the parts.
 */
final class KeycloakShapedResponse {
    static final String ENTITY_ID = "http://127.0.0.1:18080/realms/acme";
    static final String RECIPIENT = "http://localhost:8000/saml";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/QBusinessWebExperience";
    static final String PROVIDER_ARN = "arn:aws:iam::123456789012:saml-provider/keycloak";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    String responseId = "ID_5f3c1c9e-2b7a-4d1e-9f62-0c8b1d7e4a10";
    String assertionId = "ID_9a1e6c2d-7b4f-4e3a-8d51-2f0c9b8e7a61";
    String issuer = ENTITY_ID;
    String responseIssuer = ENTITY_ID;
    String recipient = RECIPIENT;
    String audience = "urn:amazon:webservices";
    String roleValue = ROLE_ARN + "," + PROVIDER_ARN;
    Instant notBefore = NOW.minusSeconds(30);
    Instant notOnOrAfter = NOW.plus(Duration.ofMinutes(5));
    Instant confirmationNotOnOrAfter = NOW.plus(Duration.ofMinutes(5));

    Document build() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("RESPONSE_ID", responseId);
        values.put("ASSERTION_ID", assertionId);
        values.put("ISSUER", issuer);
        values.put("RESPONSE_ISSUER", responseIssuer);
        values.put("RECIPIENT", recipient);
        values.put("AUDIENCE", audience);
        values.put("ROLE_VALUE", roleValue);
        values.put("NOW", NOW.toString());
        values.put("NOT_BEFORE", notBefore.toString());
        values.put("NOT_ON_OR_AFTER", notOnOrAfter.toString());
        values.put("CONFIRMATION_NOT_ON_OR_AFTER", confirmationNotOnOrAfter.toString());
        values.put("SESSION_NOT_ON_OR_AFTER", NOW.plus(Duration.ofHours(10)).toString());
        return parse(fill(resource("keycloak-response-template.xml"), values));
    }

    /** A response signed on both Response and Assertion, as Keycloak sends it. */
    Document buildSignedTwice() {
        Document doc = build();
        TestSigner.IDP.sign(assertion(doc));
        TestSigner.IDP.sign(doc.getDocumentElement());
        return doc;
    }

    static Element assertion(Document doc) {
        return (Element) doc.getElementsByTagNameNS(SamlNames.ASSERTION_NS, "Assertion").item(0);
    }

    static Element first(Document doc, String localName) {
        return (Element) doc.getElementsByTagNameNS(SamlNames.ASSERTION_NS, localName).item(0);
    }

    static Element signatureOf(Element signed) {
        return SecureXml.children(signed, SamlNames.DSIG_NS, "Signature").get(0);
    }

    /** The AttributeValue of the attribute with this Name. */
    static Element attributeValue(Document doc, String name) {
        var attributes = doc.getElementsByTagNameNS(SamlNames.ASSERTION_NS, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (name.equals(attribute.getAttribute("Name"))) {
                return (Element) attribute.getElementsByTagNameNS(SamlNames.ASSERTION_NS, "AttributeValue").item(0);
            }
        }
        throw new IllegalArgumentException("no attribute " + name);
    }

    /** A deep, independent copy (via serialization, so signatures stay byte-identical). */
    static Document copy(Document doc) {
        return parse(serialize(doc));
    }

    static String encode(Document doc) {
        return Base64.getEncoder().encodeToString(serialize(doc).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String serialize(Document doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test-side parsing of trusted, generated XML (the code under test has its own hardened parser). */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = KeycloakShapedResponse.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fill(String template, Map<String, String> values) {
        String result = template;
        for (var entry : values.entrySet()) {
            result = result.replace("${" + entry.getKey() + "}", escape(entry.getValue()));
        }
        return result;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    static String metadataXml(String entityId, String use, TestSigner signer) {
        return fill(resource("keycloak-idp-metadata-template.xml"),
                Map.of("ENTITY_ID", entityId, "USE", use, "CERT", signer.certificateBase64()));
    }
}

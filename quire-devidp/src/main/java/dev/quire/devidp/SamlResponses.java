package dev.quire.devidp;

import static dev.quire.devidp.SamlMetadataDocument.child;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds signed SAML 2.0 Responses shaped like Keycloak's for AWS: Response = Issuer, Signature,
 * Status, Assertion; Assertion = Issuer, Signature, Subject, Conditions, AuthnStatement,
 * AttributeStatement. The Assertion is signed first, then the Response (whose digest thus covers
 * the Assertion's signature); both enveloped, exclusive c14n, RSA-SHA256, SHA-256 digests.
 */
final class SamlResponses {
    static final String EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    static final String ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
    static final String ROLE_SESSION_NAME = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    static final String PRINCIPAL_TAG_EMAIL = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:Email";
    static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final String URI_NAME_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";

    static {
        Init.init();
    }

    private final String issuer;
    private final SigningKeys keys;
    private final Clock clock;

    SamlResponses(String issuer, SigningKeys keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    /** The base64 {@code SAMLResponse} for the POST binding. */
    String signedResponse(DevUser user, DevSamlServiceProvider sp, String acsUrl, String inResponseTo,
                          String sessionIndex) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String expires = (now.plus(VALIDITY)).toString();
        Document doc = Xml.newDocument();

        Element response = doc.createElementNS(Xml.SAMLP, "samlp:Response");
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", Xml.SAML);
        doc.appendChild(response);
        String responseId = "ID_" + UUID.randomUUID();
        identify(response, responseId, now, inResponseTo);
        response.setAttributeNS(null, "Destination", acsUrl);
        issuer(response);
        Element statusCode = child(child(response, Xml.SAMLP, "samlp:Status"), Xml.SAMLP, "samlp:StatusCode");
        statusCode.setAttributeNS(null, "Value", "urn:oasis:names:tc:SAML:2.0:status:Success");

        Element assertion = child(response, Xml.SAML, "saml:Assertion");
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xs", Xml.XS);
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", Xml.XSI);
        String assertionId = "ID_" + UUID.randomUUID();
        identify(assertion, assertionId, now, null);
        issuer(assertion);

        Element subject = child(assertion, Xml.SAML, "saml:Subject");
        Element nameId = child(subject, Xml.SAML, "saml:NameID");
        nameId.setAttributeNS(null, "Format", EMAIL_FORMAT);
        nameId.setTextContent(user.email());
        Element confirmation = child(subject, Xml.SAML, "saml:SubjectConfirmation");
        confirmation.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element data = child(confirmation, Xml.SAML, "saml:SubjectConfirmationData");
        if (inResponseTo != null) {
            data.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
        data.setAttributeNS(null, "NotOnOrAfter", expires);
        data.setAttributeNS(null, "Recipient", acsUrl);

        Element conditions = child(assertion, Xml.SAML, "saml:Conditions");
        conditions.setAttributeNS(null, "NotBefore", now.toString());
        conditions.setAttributeNS(null, "NotOnOrAfter", expires);
        child(child(conditions, Xml.SAML, "saml:AudienceRestriction"), Xml.SAML, "saml:Audience")
                .setTextContent(sp.entityId());

        Element authn = child(assertion, Xml.SAML, "saml:AuthnStatement");
        authn.setAttributeNS(null, "AuthnInstant", now.toString());
        authn.setAttributeNS(null, "SessionIndex", sessionIndex);
        child(child(authn, Xml.SAML, "saml:AuthnContext"), Xml.SAML, "saml:AuthnContextClassRef")
                .setTextContent("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");

        Element attributes = child(assertion, Xml.SAML, "saml:AttributeStatement");
        attribute(attributes, ROLE, sp.roleAttributeValues());
        attribute(attributes, ROLE_SESSION_NAME, List.of(user.email()));
        attribute(attributes, PRINCIPAL_TAG_EMAIL, List.of(user.email()));

        // Sign a re-parsed copy: c14n at signing time must see the namespace declarations exactly
        // as a verifier's parser will, and a programmatically built DOM does not carry them all.
        Document parsed = Xml.parse(Xml.serialize(doc).getBytes(StandardCharsets.UTF_8));
        Element signedResponse = parsed.getDocumentElement();
        Element signedAssertion = firstChild(signedResponse, "Assertion");
        signedResponse.setIdAttributeNS(null, "ID", true);
        signedAssertion.setIdAttributeNS(null, "ID", true);
        sign(signedAssertion, firstChild(signedAssertion, "Issuer"), assertionId);
        sign(signedResponse, firstChild(signedResponse, "Issuer"), responseId);
        return Base64.getEncoder().encodeToString(Xml.serialize(parsed).getBytes(StandardCharsets.UTF_8));
    }

    private static Element firstChild(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Xml.SAML.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("no saml:" + localName);
    }

    private static void identify(Element element, String id, Instant now, String inResponseTo) {
        element.setAttributeNS(null, "ID", id);
        element.setIdAttributeNS(null, "ID", true);
        element.setAttributeNS(null, "Version", "2.0");
        element.setAttributeNS(null, "IssueInstant", now.toString());
        if (inResponseTo != null) {
            element.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
    }

    private void issuer(Element parent) {
        child(parent, Xml.SAML, "saml:Issuer").setTextContent(issuer);
    }

    private static void attribute(Element statement, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        Element attribute = child(statement, Xml.SAML, "saml:Attribute");
        attribute.setAttributeNS(null, "Name", name);
        attribute.setAttributeNS(null, "NameFormat", URI_NAME_FORMAT);
        for (String value : values) {
            Element v = child(attribute, Xml.SAML, "saml:AttributeValue");
            v.setAttributeNS(Xml.XSI, "xsi:type", "xs:string");
            v.setTextContent(value);
        }
    }

    /** An enveloped signature placed right after the element's Issuer, as the SAML schema orders it. */
    private void sign(Element element, Element issuerElement, String id) {
        try {
            Document doc = element.getOwnerDocument();
            XMLSignature signature = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            element.insertBefore(signature.getElement(), issuerElement.getNextSibling());
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.addKeyInfo(keys.certificate);
            signature.sign(keys.privateKey);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot sign the SAML " + element.getLocalName(), e);
        }
    }
}

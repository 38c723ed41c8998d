package dev.quire.identity.saml;

import static dev.quire.identity.saml.SamlNames.ASSERTION_NS;
import static dev.quire.identity.saml.SamlNames.PROTOCOL_NS;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Verifies a base64 SAML 2.0 {@code samlp:Response} for AssumeRoleWithSAML, as AWS STS does.
 *
 * <p>Order of checks: size, hardened parse, Response shape and Status, exactly one Assertion in the
 * whole document and none encrypted, unique IDs, signature coverage of that very Assertion (its own
 * enveloped signature or the Response's), Issuer, Subject and Conditions (times, audience), AWS
 * attributes, and last the replay cache, so that a rejected response never burns an assertion ID.
 * Signature wrapping is defeated by construction: claims are read only from the one Assertion, a
 * direct child of the root, whose own ID (or its parent Response's) is what the signature covers.
 */
public final class SamlResponseVerifier {
    /** Decoded responses above this size are rejected unparsed. */
    static final int MAX_RESPONSE_BYTES = 100 * 1024;
    /** The clock skew allowed on every time limit. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Clock clock;
    private final Set<String> acceptedAudiences;
    private final AssertionReplayCache replay;

    /**
     * @param acceptedAudiences the Conditions audiences accepted: {@code urn:amazon:webservices} plus
     *                          any configured Quire SP entity ids
     */
    public SamlResponseVerifier(Clock clock, Set<String> acceptedAudiences, AssertionReplayCache replay) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.acceptedAudiences = Set.copyOf(acceptedAudiences);
        this.replay = Objects.requireNonNull(replay, "replay");
        if (this.acceptedAudiences.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted audience is required");
        }
    }

    public VerifiedSamlAssertion verify(String base64SamlResponse, SamlProviderMetadata provider) throws SamlException {
        Objects.requireNonNull(provider, "provider");
        Document doc = SecureXml.parse(decode(base64SamlResponse));
        Element response = doc.getDocumentElement();
        if (!PROTOCOL_NS.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw SamlException.invalid("root element must be samlp:Response");
        }
        requireVersion(response);
        requireSuccess(response);
        Element assertion = theOnlyAssertion(doc, response);
        String responseId = registerId(response);
        String assertionId = registerId(assertion);
        requireUniqueIds(doc);

        Element responseIssuer = SecureXml.optionalChild(response, ASSERTION_NS, "Issuer");
        if (responseIssuer != null) {
            requireIssuer(responseIssuer, provider, "Response");
        }
        boolean responseSigned = EnvelopedSignatureCheck.verify(response, responseId, provider.signingCertificates());
        boolean assertionSigned = EnvelopedSignatureCheck.verify(assertion, assertionId, provider.signingCertificates());
        if (!responseSigned && !assertionSigned) {
            throw SamlException.invalid("neither the Response nor the Assertion is signed");
        }

        requireVersion(assertion);
        String issuer = requireIssuer(SecureXml.requiredChild(assertion, ASSERTION_NS, "Issuer"), provider, "Assertion");
        AssertionSubject subject = AssertionSubject.read(assertion, clock.instant(), acceptedAudiences);
        AwsSamlAttributes attributes = AwsSamlAttributes.read(assertion);

        if (!replay.firstUse(assertionId, subject.notOnOrAfter().plus(CLOCK_SKEW))) {
            throw SamlException.invalid("assertion already used");
        }
        return new VerifiedSamlAssertion(issuer, assertionId, subject.nameId(), subject.nameIdFormat(),
                subject.subjectType(), subject.recipient(), subject.audiences(), subject.notOnOrAfter(),
                attributes.all(), attributes.roles(), attributes.roleSessionName(), attributes.principalTags(),
                attributes.transitiveTagKeys(), attributes.sessionDurationSeconds(), attributes.sourceIdentity(),
                new InResponseTo(SecureXml.optionalAttribute(response, "InResponseTo"), subject.inResponseTo()));
    }

    static byte[] decode(String base64) throws SamlException {
        if (base64 == null || base64.isBlank()) {
            throw SamlException.invalid("empty SAMLResponse");
        }
        // Base64 grows data by 4/3; line breaks of the POST binding are allowed on top.
        if (base64.length() > MAX_RESPONSE_BYTES * 2) {
            throw SamlException.invalid("SAMLResponse too large");
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(base64.replaceAll("[\\r\\n\\t ]", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw SamlException.invalid("SAMLResponse is not valid base64", e);
        }
        if (xml.length > MAX_RESPONSE_BYTES) {
            throw SamlException.invalid("SAMLResponse too large");
        }
        return xml;
    }

    private static void requireVersion(Element element) throws SamlException {
        if (!"2.0".equals(element.getAttributeNS(null, "Version"))) {
            throw SamlException.invalid(element.getLocalName() + " Version must be 2.0");
        }
    }

    private static void requireSuccess(Element response) throws SamlException {
        Element status = SecureXml.requiredChild(response, PROTOCOL_NS, "Status");
        Element code = SecureXml.requiredChild(status, PROTOCOL_NS, "StatusCode");
        if (!SamlNames.STATUS_SUCCESS.equals(code.getAttributeNS(null, "Value"))) {
            throw SamlException.invalid("Response status is not Success");
        }
    }

    /** Counts assertions in the whole tree, not only where the schema puts them (wrapping attacks hide them elsewhere). */
    private static Element theOnlyAssertion(Document doc, Element response) throws SamlException {
        if (!SecureXml.everywhere(doc, ASSERTION_NS, "EncryptedAssertion").isEmpty()) {
            throw SamlException.invalid("encrypted assertions are not supported");
        }
        List<Element> assertions = SecureXml.everywhere(doc, ASSERTION_NS, "Assertion");
        if (assertions.size() != 1) {
            throw SamlException.invalid("the Response must contain exactly one Assertion, found " + assertions.size());
        }
        Element assertion = assertions.get(0);
        if (assertion.getParentNode() != response) {
            throw SamlException.invalid("the Assertion must be a direct child of the Response");
        }
        return assertion;
    }

    /** Marks the element's ID attribute as a DOM ID, so signature references can resolve to this element only. */
    private static String registerId(Element element) throws SamlException {
        String id = SecureXml.requiredAttribute(element, "ID");
        if (!id.equals(element.getAttributeNS(null, "ID"))) {
            throw SamlException.invalid(element.getLocalName() + " ID must not contain whitespace");
        }
        element.setIdAttributeNS(null, "ID", true);
        return id;
    }

    /** No two elements may carry the same ID, Id or id value: a duplicate is how wrapped copies get resolved. */
    private static void requireUniqueIds(Document doc) throws SamlException {
        Set<String> seen = new HashSet<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap attributes = all.item(i).getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                Attr attribute = (Attr) attributes.item(j);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (("ID".equals(name) || "Id".equals(name) || "id".equals(name)) && !seen.add(attribute.getValue().strip())) {
                    throw SamlException.invalid("duplicate ID " + attribute.getValue());
                }
            }
        }
    }

    private static String requireIssuer(Element issuerElement, SamlProviderMetadata provider, String where)
            throws SamlException {
        String format = SecureXml.optionalAttribute(issuerElement, "Format");
        if (format != null && !SamlNames.ENTITY_FORMAT.equals(format)) {
            throw SamlException.invalid(where + " Issuer Format must be entity");
        }
        String issuer = SecureXml.text(issuerElement);
        if (!issuer.equals(provider.entityId())) {
            throw SamlException.invalid(where + " Issuer does not match the provider's entityID");
        }
        return issuer;
    }
}

package dev.quire.identity.saml;

import static dev.quire.identity.saml.SamlNames.ASSERTION_NS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Which AuthnRequest a SAML Response says it answers: the Response's {@code InResponseTo} and its
 * bearer SubjectConfirmationData's (each null when absent). Both absent is an unsolicited,
 * IdP-initiated response. STS does not judge these (AWS STS has no request to compare with); the
 * service provider that sent the request does (SAML Web Browser SSO profile, §4.1.4.3).
 *
 * <p>{@link #requestId()} prefers the SubjectConfirmationData value: it lies inside the assertion,
 * which is always signed, while the Response element is signed only by some IdPs, so its attribute
 * may have been edited by whoever carried the response.
 */
public record InResponseTo(String response, String confirmation) {
    public static final InResponseTo NONE = new InResponseTo(null, null);

    /** No InResponseTo anywhere: an IdP-initiated response. */
    public boolean unsolicited() {
        return response == null && confirmation == null;
    }

    /** False when the Response and its assertion name two different requests. */
    public boolean consistent() {
        return response == null || confirmation == null || response.equals(confirmation);
    }

    /** The request answered (the signed SubjectConfirmationData value first), or null when unsolicited. */
    public String requestId() {
        return confirmation != null ? confirmation : response;
    }

    /** True only when this response consistently answers {@code expectedRequestId} (compared in constant time). */
    public boolean answers(String expectedRequestId) {
        String id = requestId();
        return consistent() && id != null && expectedRequestId != null && MessageDigest.isEqual(
                id.getBytes(StandardCharsets.UTF_8), expectedRequestId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the values from a base64 SAMLResponse without verifying it, for a client that sent the
     * request and is about to hand the response to STS (which verifies it): the hardened parser and
     * the one-Assertion, one-bearer-confirmation rules of {@link SamlResponseVerifier} apply.
     */
    public static InResponseTo read(String base64SamlResponse) throws SamlException {
        Document doc = SecureXml.parse(SamlResponseVerifier.decode(base64SamlResponse));
        List<Element> assertions = SecureXml.everywhere(doc, ASSERTION_NS, "Assertion");
        if (assertions.size() != 1) {
            throw SamlException.invalid("the Response must contain exactly one Assertion, found " + assertions.size());
        }
        Element subject = SecureXml.requiredChild(assertions.get(0), ASSERTION_NS, "Subject");
        return new InResponseTo(SecureXml.optionalAttribute(doc.getDocumentElement(), "InResponseTo"),
                SecureXml.optionalAttribute(AssertionSubject.bearerConfirmationData(subject), "InResponseTo"));
    }
}

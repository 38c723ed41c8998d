package dev.quire.identity.saml;

import static dev.quire.identity.saml.KeycloakShapedResponse.assertion;
import static dev.quire.identity.saml.KeycloakShapedResponse.copy;
import static dev.quire.identity.saml.KeycloakShapedResponse.signatureOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XML Signature Wrapping, after Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be"
 * (USENIX Security 2012), in the eight variants SAML Raider names XSW1–XSW8. Each attack keeps the
 * genuinely signed content somewhere the signature still resolves to and puts an evil assertion
 * (NameID admin@example.com) where a naive SP reads claims. Each test first shows the untouched
 * original is accepted.
 */
class SamlWrappingAttackTest extends SamlTestSupport {
    private static final String EVIL = "admin@example.com";

    private Document responseSigned;
    private Document assertionSigned;

    @BeforeEach
    void signOriginals() throws Exception {
        responseSigned = response.build();
        TestSigner.IDP.sign(responseSigned.getDocumentElement());
        assertionSigned = response.build();
        TestSigner.IDP.sign(assertion(assertionSigned));
        assertThat(verifyFresh(responseSigned).nameId()).isEqualTo("mary@example.com");
        assertThat(verifyFresh(assertionSigned).nameId()).isEqualTo("mary@example.com");
    }

    private static void makeEvil(Element assertion) {
        ((Element) assertion.getElementsByTagNameNS(SamlNames.ASSERTION_NS, "NameID").item(0)).setTextContent(EVIL);
    }

    private static Element unsignedClone(Element element) {
        Element clone = (Element) element.cloneNode(true);
        SecureXml.children(clone, SamlNames.DSIG_NS, "Signature").forEach(clone::removeChild);
        return clone;
    }

    /** The forged Response takes the root; the signed original hides inside or before its Signature. */
    private Document wrapSignedResponse(boolean insideSignature) {
        Document attack = copy(responseSigned);
        Element original = attack.getDocumentElement();
        Element evil = (Element) original.cloneNode(true);
        evil.setAttributeNS(null, "ID", "ID_evil");
        makeEvil(firstAssertionIn(evil));
        attack.replaceChild(evil, original);
        original.removeChild(signatureOf(original));
        Element signature = signatureOf(evil);
        if (insideSignature) {
            signature.appendChild(original);
        } else {
            evil.insertBefore(original, signature);
        }
        return attack;
    }

    private static Element firstAssertionIn(Element parent) {
        return SecureXml.children(parent, SamlNames.ASSERTION_NS, "Assertion").get(0);
    }

    @Test
    void xsw1_signedResponseInsideTheSignatureOfAForgedResponse() {
        assertRejected(wrapSignedResponse(true), INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void xsw2_signedResponseBeforeTheSignatureOfAForgedResponse() {
        assertRejected(wrapSignedResponse(false), INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void xsw3_unsignedEvilAssertionBeforeTheSignedOne() {
        Document attack = copy(assertionSigned);
        Element original = assertion(attack);
        Element evil = unsignedClone(original);
        makeEvil(evil);
        original.getParentNode().insertBefore(evil, original);
        assertRejected(attack, INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void xsw4_signedAssertionNestedInsideTheEvilAssertion() {
        Document attack = copy(assertionSigned);
        Element original = assertion(attack);
        Element evil = unsignedClone(original);
        makeEvil(evil);
        original.getParentNode().replaceChild(evil, original);
        evil.appendChild(original);
        assertRejected(attack, INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void xsw5_evilAssertionKeepsTheSignatureAndAnUnsignedOriginalIsAppended() {
        Document attack = copy(assertionSigned);
        Element signedOne = assertion(attack);
        Element originalCopy = unsignedClone(signedOne);
        makeEvil(signedOne);
        attack.getDocumentElement().appendChild(originalCopy);
        assertRejected(attack, INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void xsw6_originalAssertionInsideTheSignatureOfTheEvilAssertion() {
        Document attack = copy(assertionSigned);
        Element signedOne = assertion(attack);
        Element originalCopy = unsignedClone(signedOne);
        makeEvil(signedOne);
        signatureOf(signedOne).appendChild(originalCopy);
        assertRejected(attack, INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void xsw7_signedAssertionInExtensionsAndAnUnsignedEvilAssertionInPlace() {
        Document attack = copy(assertionSigned);
        Element original = assertion(attack);
        Element evil = unsignedClone(original);
        makeEvil(evil);
        Element root = attack.getDocumentElement();
        Element extensions = attack.createElementNS(SamlNames.PROTOCOL_NS, "samlp:Extensions");
        root.replaceChild(evil, original);
        extensions.appendChild(original);
        root.insertBefore(extensions, root.getFirstChild().getNextSibling());
        assertRejected(attack, INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void xsw8_originalAssertionInAnObjectOfTheEvilAssertionsSignature() {
        Document attack = copy(assertionSigned);
        Element signedOne = assertion(attack);
        Element originalCopy = unsignedClone(signedOne);
        makeEvil(signedOne);
        Element object = attack.createElementNS(SamlNames.DSIG_NS, "ds:Object");
        object.appendChild(originalCopy);
        signatureOf(signedOne).appendChild(object);
        assertRejected(attack, INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void signedResponseMovedIntoExtensionsOfAnAssertionlessForgedResponse() {
        Document attack = wrapSignedResponse(false);
        Element evil = attack.getDocumentElement();
        evil.removeChild(firstAssertionIn(evil));
        Element nested = SecureXml.children(evil, SamlNames.PROTOCOL_NS, "Response").get(0);
        Element extensions = attack.createElementNS(SamlNames.PROTOCOL_NS, "samlp:Extensions");
        evil.replaceChild(extensions, nested);
        extensions.appendChild(nested);
        assertRejected(attack, INVALID, "the Assertion must be a direct child of the Response");
    }

    @Test
    void responseSignatureCopiedOntoAForgedResponseWithAnotherId() {
        Document attack = copy(responseSigned);
        Element root = attack.getDocumentElement();
        root.setAttributeNS(null, "ID", "ID_evil");
        makeEvil(assertion(attack));
        assertRejected(attack, INVALID, "Response signature Reference does not point at the signed element");
    }

    @Test
    void evilAssertionWithTheOriginalIdMovedAway() {
        Document attack = copy(assertionSigned);
        Element signedOne = assertion(attack);
        signedOne.setAttributeNS(null, "ID", "ID_evil");
        makeEvil(signedOne);
        assertRejected(attack, INVALID, "Assertion signature Reference does not point at the signed element");
    }

    @Test
    void twoGenuinelySignedAssertions() {
        Document attack = copy(assertionSigned);
        KeycloakShapedResponse other = new KeycloakShapedResponse();
        other.assertionId = "ID_second";
        Document second = other.build();
        TestSigner.IDP.sign(assertion(second));
        attack.getDocumentElement().appendChild(attack.importNode(assertion(second), true));
        assertRejected(attack, INVALID, "exactly one Assertion, found 2");
    }

    @Test
    void encryptedAssertionIsRejectedClearly() {
        Document attack = copy(responseSigned);
        Element encrypted = attack.createElementNS(SamlNames.ASSERTION_NS, "saml:EncryptedAssertion");
        attack.getDocumentElement().replaceChild(encrypted, assertion(attack));
        assertRejected(attack, INVALID, "encrypted assertions are not supported");
    }
}

package dev.quire.identity.saml;

import static dev.quire.identity.saml.KeycloakShapedResponse.assertion;
import static dev.quire.identity.saml.KeycloakShapedResponse.copy;
import static dev.quire.identity.saml.KeycloakShapedResponse.first;
import static dev.quire.identity.saml.KeycloakShapedResponse.signatureOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signature forgery, tampering and shape attacks; each next to the untampered control that passes. */
class SamlSignatureAttackTest extends SamlTestSupport {

    private Document assertionSigned() {
        Document doc = response.build();
        TestSigner.IDP.sign(assertion(doc));
        return doc;
    }

    private Document responseSigned() {
        Document doc = response.build();
        TestSigner.IDP.sign(doc.getDocumentElement());
        return doc;
    }

    @Test
    void rejectsUnsignedResponse() throws Exception {
        Document doc = response.build();
        assertThat(verifyFresh(response.buildSignedTwice()).nameId()).isEqualTo("mary@example.com");
        assertRejected(doc, INVALID, "neither the Response nor the Assertion is signed");
    }

    @Test
    void rejectsBitFlippedSignatureValue() throws Exception {
        Document signed = assertionSigned();
        assertThat(verifyFresh(signed).nameId()).isEqualTo("mary@example.com");
        Document attack = copy(signed);
        Element value = (Element) signatureOf(assertion(attack))
                .getElementsByTagNameNS(SamlNames.DSIG_NS, "SignatureValue").item(0);
        byte[] bytes = Base64.getMimeDecoder().decode(value.getTextContent());
        bytes[bytes.length / 2] ^= 0x01;
        value.setTextContent(Base64.getEncoder().encodeToString(bytes));
        assertRejected(attack, INVALID, "Assertion signature is not valid");
    }

    @Test
    void rejectsAssertionModifiedAfterSigning() throws Exception {
        Document signed = assertionSigned();
        assertThat(verifyFresh(signed).nameId()).isEqualTo("mary@example.com");
        Document attack = copy(signed);
        first(attack, "NameID").setTextContent("admin@example.com");
        assertRejected(attack, INVALID, "Assertion signature is not valid");
    }

    @Test
    void rejectsAssertionModifiedUnderAResponseSignature() throws Exception {
        Document signed = responseSigned();
        assertThat(verifyFresh(signed).nameId()).isEqualTo("mary@example.com");
        Document attack = copy(signed);
        KeycloakShapedResponse.attributeValue(attack, AwsSamlAttributes.ROLE)
                .setTextContent("arn:aws:iam::123456789012:role/Admin," + KeycloakShapedResponse.PROVIDER_ARN);
        assertRejected(attack, INVALID, "Response signature is not valid");
    }

    @Test
    void rejectsSignatureByAnotherKeyEvenWithItsCertificateInKeyInfo() throws Exception {
        Document doc = response.build();
        TestSigner.ATTACKER.sign(assertion(doc));
        TestSigner.ATTACKER.sign(doc.getDocumentElement());
        assertThat(verifyFresh(response.buildSignedTwice()).nameId()).isEqualTo("mary@example.com");
        assertThat(KeycloakShapedResponse.serialize(doc)).contains(TestSigner.ATTACKER.certificateBase64().substring(0, 40));
        assertRejected(doc, INVALID, "Response signature is not valid for the provider's certificates");
    }

    @Test
    void rejectsBrokenAssertionSignatureEvenWhenTheResponseSignatureIsValid() throws Exception {
        Document doc = assertionSigned();
        first(doc, "NameID").setTextContent("admin@example.com");
        TestSigner.IDP.sign(doc.getDocumentElement());
        assertThat(verifyFresh(responseSigned()).nameId()).isEqualTo("mary@example.com");
        assertRejected(doc, INVALID, "Assertion signature is not valid");
    }

    @Test
    void rejectsRsaSha1SignatureButAcceptsRsaSha512() throws Exception {
        Document strong = response.build();
        TestSigner.IDP.sign(assertion(strong), XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA512, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertThat(verifyFresh(strong).nameId()).isEqualTo("mary@example.com");
        Document weak = response.build();
        TestSigner.IDP.sign(assertion(weak), XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertRejected(weak, INVALID, "signature algorithm not allowed");
    }

    @Test
    void rejectsSha1Digest() {
        Document doc = response.build();
        TestSigner.IDP.sign(assertion(doc), XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertRejected(doc, INVALID, "digest algorithm not allowed");
    }

    @Test
    void rejectsWithCommentsTransformButAcceptsEnvelopedAlone() throws Exception {
        Document plain = response.build();
        TestSigner.IDP.sign(assertion(plain), XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256, null);
        assertThat(verifyFresh(plain).nameId()).isEqualTo("mary@example.com");
        Document withComments = response.build();
        TestSigner.IDP.sign(assertion(withComments), XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256, Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS);
        assertRejected(withComments, INVALID, "signature transforms not allowed");
    }

    @Test
    void rejectsInclusiveCanonicalizationOfSignedInfo() {
        Document doc = response.build();
        Element a = assertion(doc);
        TestSigner.IDP.sign(a, a, "#" + response.assertionId, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
                Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertRejected(doc, INVALID, "signature canonicalization not allowed");
    }

    @Test
    void rejectsSignatureInsideTheAssertionThatCoversTheResponse() throws Exception {
        Document doc = response.build();
        TestSigner.IDP.sign(doc.getDocumentElement(), assertion(doc), "#" + response.responseId,
                XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertRejected(doc, INVALID, "Assertion signature Reference does not point at the signed element");
    }

    @Test
    void rejectsWholeDocumentReference() {
        Document doc = response.build();
        Element root = doc.getDocumentElement();
        TestSigner.IDP.sign(root, root, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
                Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertRejected(doc, INVALID, "Response signature Reference does not point at the signed element");
    }

    @Test
    void rejectsTwoSignaturesOnOneElement() {
        Document doc = response.build();
        TestSigner.IDP.sign(assertion(doc));
        TestSigner.IDP.sign(assertion(doc));
        assertRejected(doc, INVALID, "Assertion has more than one Signature");
    }

    @Test
    void rejectsObjectSmuggledIntoTheSignature() throws Exception {
        Document signed = assertionSigned();
        assertThat(verifyFresh(signed).nameId()).isEqualTo("mary@example.com");
        Document attack = copy(signed);
        Element object = attack.createElementNS(SamlNames.DSIG_NS, "ds:Object");
        object.setTextContent("anything");
        signatureOf(assertion(attack)).appendChild(object);
        assertRejected(attack, INVALID, "Signature contains unexpected Object");
    }

    @Test
    void rejectsDuplicateIdElsewhereInTheDocument() throws Exception {
        Document ok = response.build();
        addExtensionWithId(ok, "ID_unrelated");
        TestSigner.IDP.sign(ok.getDocumentElement());
        assertThat(verifyFresh(ok).nameId()).isEqualTo("mary@example.com");

        Document duplicate = response.build();
        addExtensionWithId(duplicate, response.assertionId);
        TestSigner.IDP.sign(duplicate.getDocumentElement());
        assertRejected(duplicate, INVALID, "duplicate ID");
    }

    private static void addExtensionWithId(Document doc, String id) {
        Element extensions = doc.createElementNS(SamlNames.PROTOCOL_NS, "samlp:Extensions");
        Element marker = doc.createElementNS("urn:example:ext", "x:Marker");
        // Declared explicitly: canonicalization reads xmlns attributes, not the DOM's namespace fields.
        marker.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:x", "urn:example:ext");
        marker.setAttributeNS(null, "ID", id);
        extensions.appendChild(marker);
        Element root = doc.getDocumentElement();
        root.insertBefore(extensions, first(doc, "Issuer").getNextSibling());
    }
}

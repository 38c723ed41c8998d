package dev.quire.identity.saml;

import static dev.quire.identity.saml.SamlNames.DSIG_NS;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies the enveloped XML signature that is a direct child of a SAML element (Response or
 * Assertion), the only shape SAML allows. Before any cryptography it pins the shape: one
 * Reference whose URI is "#" + the element's own ID (registered as an ID by the caller and
 * resolving to exactly this element), the enveloped-signature transform optionally followed by
 * exclusive canonicalization without comments, and allow-listed algorithms. The signature value
 * is then checked with the trusted certificates' keys only: KeyInfo is ignored.
 */
final class EnvelopedSignatureCheck {
    static final Set<String> SIGNATURE_ALGORITHMS = Set.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512);
    static final Set<String> DIGEST_ALGORITHMS = Set.of(
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA384,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA512);
    private static final Set<String> SIGNATURE_CHILDREN = Set.of("SignedInfo", "SignatureValue", "KeyInfo");

    static {
        Init.init();
    }

    private EnvelopedSignatureCheck() {
    }

    /**
     * Answers false when {@code signed} carries no signature; throws when it carries one that is
     * not valid (a present-but-broken signature is never ignored).
     */
    static boolean verify(Element signed, String id, List<X509Certificate> trusted) throws SamlException {
        String what = signed.getLocalName();
        List<Element> signatures = SecureXml.children(signed, DSIG_NS, "Signature");
        if (signatures.isEmpty()) {
            return false;
        }
        if (signatures.size() > 1) {
            throw SamlException.invalid(what + " has more than one Signature");
        }
        Element signatureElement = signatures.get(0);
        requireOnlyStandardChildren(signatureElement, what);
        if (signed.getOwnerDocument().getElementById(id) != signed) {
            throw SamlException.invalid(what + " ID does not resolve to the signed element");
        }
        XMLSignature signature;
        try {
            signature = new XMLSignature(signatureElement, "", true);
            checkShape(signature.getSignedInfo(), id, what);
        } catch (XMLSecurityException e) {
            throw SamlException.invalid(what + " signature is malformed", e);
        }
        for (X509Certificate certificate : trusted) {
            if (valueMatches(signature, certificate.getPublicKey())) {
                return true;
            }
        }
        throw SamlException.invalid(what + " signature is not valid for the provider's certificates");
    }

    private static void requireOnlyStandardChildren(Element signatureElement, String what) throws SamlException {
        for (Node n = signatureElement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE
                    && (!DSIG_NS.equals(n.getNamespaceURI()) || !SIGNATURE_CHILDREN.contains(n.getLocalName()))) {
                throw SamlException.invalid(what + " Signature contains unexpected " + n.getLocalName());
            }
        }
    }

    private static void checkShape(SignedInfo signedInfo, String id, String what)
            throws SamlException, XMLSecurityException {
        if (!Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS.equals(signedInfo.getCanonicalizationMethodURI())) {
            throw SamlException.invalid(what + " signature canonicalization not allowed: "
                    + signedInfo.getCanonicalizationMethodURI());
        }
        if (!SIGNATURE_ALGORITHMS.contains(signedInfo.getSignatureMethodURI())) {
            throw SamlException.invalid(what + " signature algorithm not allowed: " + signedInfo.getSignatureMethodURI());
        }
        if (signedInfo.getLength() != 1) {
            throw SamlException.invalid(what + " signature must have exactly one Reference");
        }
        Reference reference = signedInfo.item(0);
        if (!("#" + id).equals(reference.getURI())) {
            throw SamlException.invalid(what + " signature Reference does not point at the signed element");
        }
        String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
        if (!DIGEST_ALGORITHMS.contains(digest)) {
            throw SamlException.invalid(what + " digest algorithm not allowed: " + digest);
        }
        List<String> transforms = transformUris(reference);
        boolean envelopedOnly = transforms.equals(List.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE));
        boolean envelopedThenExclusive = transforms.equals(List.of(
                Transforms.TRANSFORM_ENVELOPED_SIGNATURE, Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS));
        if (!envelopedOnly && !envelopedThenExclusive) {
            throw SamlException.invalid(what + " signature transforms not allowed: " + transforms);
        }
    }

    private static List<String> transformUris(Reference reference) throws XMLSecurityException {
        Transforms transforms = reference.getTransforms();
        List<String> uris = new ArrayList<>();
        for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
            uris.add(transforms.item(i).getURI());
        }
        return uris;
    }

    private static boolean valueMatches(XMLSignature signature, PublicKey key) {
        try {
            return signature.checkSignatureValue(key);
        } catch (XMLSecurityException | RuntimeException e) {
            // A wrong key type or an unresolvable reference: this key does not validate it.
            return false;
        }
    }
}

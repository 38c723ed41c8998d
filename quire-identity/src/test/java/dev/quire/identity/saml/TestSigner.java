package dev.quire.identity.saml;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Element;

/** A test IdP signing key with a self-signed certificate, signing SAML elements the way Keycloak does. */
final class TestSigner {
    static final TestSigner IDP = new TestSigner("CN=acme-realm");
    static final TestSigner ATTACKER = new TestSigner("CN=acme-realm");

    static {
        Init.init();
    }

    final KeyPair keys;
    final X509Certificate certificate;

    private TestSigner(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name(subject);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name, keys.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's default: RSA-SHA256, SHA-256 digest, enveloped + exclusive c14n, certificate in KeyInfo. */
    void sign(Element element) {
        sign(element, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
                Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
    }

    /** Signs {@code element} with an enveloped signature inserted right after its Issuer. */
    void sign(Element element, String signatureAlgorithm, String digestAlgorithm, String secondTransform) {
        sign(element, element, "#" + element.getAttributeNS(null, "ID"), signatureAlgorithm,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS, digestAlgorithm, secondTransform);
    }

    /**
     * The general form, for building malformed signatures: {@code holder} receives the Signature
     * (after its Issuer), which references {@code referenceUri} while {@code signed} gets its ID registered.
     */
    void sign(Element signed, Element holder, String referenceUri, String signatureAlgorithm,
              String canonicalization, String digestAlgorithm, String secondTransform) {
        try {
            var doc = signed.getOwnerDocument();
            signed.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = new XMLSignature(doc, "", signatureAlgorithm, canonicalization);
            Element issuer = SecureXml.optionalChild(holder, SamlNames.ASSERTION_NS, "Issuer");
            holder.insertBefore(signature.getElement(), issuer == null ? holder.getFirstChild() : issuer.getNextSibling());
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            if (secondTransform != null) {
                transforms.addTransform(secondTransform);
            }
            signature.addDocument(referenceUri, transforms, digestAlgorithm);
            signature.addKeyInfo(certificate);
            signature.sign(keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

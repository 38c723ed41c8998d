package dev.quire.identity.saml;

import static dev.quire.identity.saml.SamlNames.DSIG_NS;
import static dev.quire.identity.saml.SamlNames.METADATA_NS;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What Quire trusts about one SAML identity provider: its entity id (the only accepted Issuer) and
 * the certificates whose public keys may sign its responses. Built from the IdP's metadata
 * document, as IAM's CreateSAMLProvider does; certificates carried inside a response are never
 * trusted.
 */
public record SamlProviderMetadata(String entityId, List<X509Certificate> signingCertificates) {

    /** Metadata documents larger than this are rejected before parsing (IAM allows 10 MB; real ones are a few KB). */
    static final int MAX_METADATA_BYTES = 1_000_000;

    public SamlProviderMetadata {
        Objects.requireNonNull(entityId, "entityId");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("entityId must not be blank");
        }
        signingCertificates = List.copyOf(signingCertificates);
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("at least one signing certificate is required");
        }
    }

    /**
     * Parses SAML 2.0 metadata: a single {@code md:EntityDescriptor} with an {@code entityID} and an
     * {@code md:IDPSSODescriptor} holding at least one {@code md:KeyDescriptor} whose {@code use} is
     * {@code signing} or absent, with an X.509 certificate.
     */
    public static SamlProviderMetadata parse(String metadataXml) throws SamlException {
        byte[] bytes = metadataXml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_METADATA_BYTES) {
            throw SamlException.invalid("metadata document too large");
        }
        Document doc = SecureXml.parse(bytes);
        Element root = doc.getDocumentElement();
        if (!METADATA_NS.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
            throw SamlException.invalid("metadata root must be md:EntityDescriptor");
        }
        String entityId = SecureXml.requiredAttribute(root, "entityID");
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element idp : SecureXml.children(root, METADATA_NS, "IDPSSODescriptor")) {
            for (Element key : SecureXml.children(idp, METADATA_NS, "KeyDescriptor")) {
                String use = SecureXml.optionalAttribute(key, "use");
                if (use == null || use.isEmpty() || "signing".equals(use)) {
                    certificates.addAll(certificatesOf(key));
                }
            }
        }
        if (certificates.isEmpty()) {
            throw SamlException.invalid("metadata has no signing certificate in an IDPSSODescriptor");
        }
        return new SamlProviderMetadata(entityId, certificates);
    }

    private static List<X509Certificate> certificatesOf(Element keyDescriptor) throws SamlException {
        List<X509Certificate> found = new ArrayList<>();
        for (Element keyInfo : SecureXml.children(keyDescriptor, DSIG_NS, "KeyInfo")) {
            for (Element data : SecureXml.children(keyInfo, DSIG_NS, "X509Data")) {
                for (Element cert : SecureXml.children(data, DSIG_NS, "X509Certificate")) {
                    found.add(decodeCertificate(SecureXml.text(cert)));
                }
            }
        }
        return found;
    }

    private static X509Certificate decodeCertificate(String base64) throws SamlException {
        try {
            byte[] der = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw SamlException.invalid("metadata certificate is not a valid X.509 certificate", e);
        }
    }
}

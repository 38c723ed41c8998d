package dev.quire.devidp;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The IdP's SAML 2.0 metadata, which IAM's CreateSAMLProvider (and Quire's) reads for the entity id
 * and the signing certificate. Built as DOM so every value is escaped by the serializer.
 */
final class SamlMetadataDocument {
    static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private SamlMetadataDocument() {
    }

    static String render(String entityId, String ssoUrl, SigningKeys keys) {
        Document doc = Xml.newDocument();
        Element root = doc.createElementNS(Xml.MD, "md:EntityDescriptor");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", Xml.DS);
        root.setAttributeNS(null, "entityID", entityId);
        doc.appendChild(root);
        Element idp = child(root, Xml.MD, "md:IDPSSODescriptor");
        idp.setAttributeNS(null, "WantAuthnRequestsSigned", "false");
        idp.setAttributeNS(null, "protocolSupportEnumeration", Xml.SAMLP);
        Element keyDescriptor = child(idp, Xml.MD, "md:KeyDescriptor");
        keyDescriptor.setAttributeNS(null, "use", "signing");
        Element keyInfo = child(keyDescriptor, Xml.DS, "ds:KeyInfo");
        child(keyInfo, Xml.DS, "ds:KeyName").setTextContent(keys.jwk.getKeyID());
        Element x509Data = child(keyInfo, Xml.DS, "ds:X509Data");
        try {
            child(x509Data, Xml.DS, "ds:X509Certificate")
                    .setTextContent(Base64.getEncoder().encodeToString(keys.certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        child(idp, Xml.MD, "md:NameIDFormat").setTextContent(SamlResponses.EMAIL_FORMAT);
        for (String binding : new String[] {REDIRECT_BINDING, POST_BINDING}) {
            Element sso = child(idp, Xml.MD, "md:SingleSignOnService");
            sso.setAttributeNS(null, "Binding", binding);
            sso.setAttributeNS(null, "Location", ssoUrl);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Xml.serialize(root);
    }

    static Element child(Element parent, String ns, String qualifiedName) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        parent.appendChild(e);
        return e;
    }
}

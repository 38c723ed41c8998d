package dev.quire.devidp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What a relying party (Quire's STS) checks of a signature, done independently of the code under test. */
final class SamlTestVerifier {
    static {
        Init.init();
    }

    private SamlTestVerifier() {
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static X509Certificate metadataCertificate(String metadataXml) throws Exception {
        Document doc = parse(metadataXml);
        Element keyDescriptor = (Element) doc.getElementsByTagNameNS(Xml.MD, "KeyDescriptor").item(0);
        assertThat(keyDescriptor.getAttribute("use")).isEqualTo("signing");
        String base64 = keyDescriptor.getElementsByTagNameNS(Xml.DS, "X509Certificate").item(0).getTextContent();
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
    }

    /**
     * Asserts the element carries one enveloped signature, placed right after its Issuer, covering
     * exactly this element, with the algorithms AWS and Quire expect, and valid for {@code cert}.
     */
    static void assertSignedBy(Element signed, X509Certificate cert) throws Exception {
        signed.setIdAttributeNS(null, "ID", true);
        List<Element> children = elementChildren(signed);
        assertThat(children.get(0).getLocalName()).isEqualTo("Issuer");
        assertThat(children.get(1).getLocalName()).isEqualTo("Signature");
        assertThat(children.stream().filter(e -> "Signature".equals(e.getLocalName()))).hasSize(1);
        XMLSignature signature = new XMLSignature(children.get(1), "", true);
        assertThat(signature.getSignedInfo().getCanonicalizationMethodURI())
                .isEqualTo(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        assertThat(signature.getSignedInfo().getSignatureMethodURI()).isEqualTo(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256);
        assertThat(signature.getSignedInfo().getLength()).isEqualTo(1);
        assertThat(signature.getSignedInfo().item(0).getURI()).isEqualTo("#" + signed.getAttribute("ID"));
        assertThat(signature.getSignedInfo().item(0).getMessageDigestAlgorithm().getAlgorithmURI())
                .isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
        Transforms transforms = signature.getSignedInfo().item(0).getTransforms();
        assertThat(transforms.item(0).getURI()).isEqualTo(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        assertThat(transforms.item(1).getURI()).isEqualTo(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        assertThat(signature.checkSignatureValue(cert.getPublicKey())).as("signature value").isTrue();
    }

    static List<Element> elementChildren(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        return elementChildren(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + localName + " in " + parent.getLocalName()));
    }
}

package dev.quire.server.web;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What whoever carries a SAML response can change in it without breaking a signature that still counts. */
final class SamlResponseEdits {
    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private SamlResponseEdits() {
    }

    /**
     * Drops the Response's own signature (the Assertion keeps its own, which is enough for STS, as
     * with an IdP that signs assertions only) and sets the now unsigned Response's InResponseTo.
     */
    static String withUnsignedResponseInResponseTo(String base64Response, String inResponseTo) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Base64.getDecoder().decode(base64Response)));
        Element response = doc.getDocumentElement();
        for (Node n = response.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG_NS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                response.removeChild(e);
                break;
            }
        }
        response.setAttributeNS(null, "InResponseTo", inResponseTo);
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        StringWriter xml = new StringWriter();
        tf.newTransformer().transform(new DOMSource(doc), new StreamResult(xml));
        return Base64.getEncoder().encodeToString(xml.toString().getBytes(StandardCharsets.UTF_8));
    }
}

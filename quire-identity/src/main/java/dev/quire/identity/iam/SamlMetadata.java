package dev.quire.identity.iam;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What IAM needs from a SAML IdP metadata document: the IdP's entityID, its signing certificates
 * and the optional validUntil. The parser refuses any DOCTYPE, so no entity (internal or
 * external) and no external DTD is ever expanded or fetched.
 */
public record SamlMetadata(String entityId, List<X509Certificate> signingCertificates, Instant validUntil) {
    public static final String MD_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";

    public SamlMetadata {
        signingCertificates = List.copyOf(signingCertificates);
    }

    /** @throws IllegalArgumentException with a caller-presentable reason when the document is unacceptable */
    public static SamlMetadata parse(String document) {
        Element root = parseXml(document).getDocumentElement();
        if (!MD_NS.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
            throw new IllegalArgumentException("The metadata document must have an md:EntityDescriptor root element.");
        }
        String entityId = root.getAttribute("entityID");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("The metadata document has no entityID.");
        }
        List<X509Certificate> certs = new ArrayList<>();
        NodeList idps = root.getElementsByTagNameNS(MD_NS, "IDPSSODescriptor");
        for (int i = 0; i < idps.getLength(); i++) {
            for (Element key : children((Element) idps.item(i), MD_NS, "KeyDescriptor")) {
                String use = key.getAttribute("use");
                if (use.isEmpty() || use.equals("signing")) {
                    NodeList certNodes = key.getElementsByTagNameNS(DS_NS, "X509Certificate");
                    for (int c = 0; c < certNodes.getLength(); c++) {
                        certs.add(certificate(certNodes.item(c).getTextContent()));
                    }
                }
            }
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("The metadata document has no IDPSSODescriptor signing certificate.");
        }
        return new SamlMetadata(entityId, certs, validUntil(root.getAttribute("validUntil")));
    }

    private static Document parseXml(String document) {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new InputSource(new StringReader(document)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("The metadata document is not well-formed XML without a DOCTYPE.");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("The metadata document holds a signing certificate that is not a valid X.509 certificate.");
        }
    }

    private static Instant validUntil(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The metadata document's validUntil is not an xs:dateTime in UTC.");
        }
    }
}

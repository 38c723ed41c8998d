package dev.quire.identity.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Hardened XML parsing and strict DOM reading for untrusted SAML documents.
 *
 * <p>No DOCTYPE at all is accepted, which rules out XXE, external DTD fetches and entity expansion
 * (billion laughs) before any entity is read. Comments are kept in the tree on purpose so that
 * {@link #text} can see and reject them (comment-truncation attack).
 */
final class SecureXml {
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SecureXml() {
    }

    private static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
            f.setIgnoringComments(false);
            // CDATA sections become plain text so a value is one Text node however it was written.
            f.setCoalescing(true);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    static Document parse(byte[] xml) throws SamlException {
        DocumentBuilder builder;
        synchronized (FACTORY) {
            try {
                builder = FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
        builder.setErrorHandler(RETHROW);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw SamlException.invalid("malformed XML: " + e.getMessage(), e);
        }
    }

    /** The direct child elements of {@code parent} with the given name. */
    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The single direct child with the given name, or null when absent; more than one is rejected. */
    static Element optionalChild(Element parent, String ns, String localName) throws SamlException {
        List<Element> found = children(parent, ns, localName);
        if (found.size() > 1) {
            throw SamlException.invalid("more than one " + localName + " in " + parent.getLocalName());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    static Element requiredChild(Element parent, String ns, String localName) throws SamlException {
        Element e = optionalChild(parent, ns, localName);
        if (e == null) {
            throw SamlException.invalid("missing " + localName + " in " + parent.getLocalName());
        }
        return e;
    }

    /** All elements with the given name anywhere in the document. */
    static List<Element> everywhere(Document doc, String ns, String localName) {
        NodeList list = doc.getElementsByTagNameNS(ns, localName);
        List<Element> found = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    /**
     * The text of a leaf element, trimmed. The element must contain nothing but a single text node:
     * a comment, a child element or a processing instruction is rejected rather than skipped,
     * because {@code mary@example.com<!---->.evil.com} is read as "mary@example.com" by some
     * libraries and as the whole string by others, and an identity must never depend on which.
     */
    static String text(Element e) throws SamlException {
        Node only = e.getFirstChild();
        if (only == null) {
            throw SamlException.invalid("empty " + e.getLocalName());
        }
        if (only.getNextSibling() != null || only.getNodeType() != Node.TEXT_NODE) {
            throw SamlException.invalid(e.getLocalName() + " must contain only text (comments or markup found)");
        }
        String value = only.getNodeValue().strip();
        if (value.isEmpty()) {
            throw SamlException.invalid("empty " + e.getLocalName());
        }
        return value;
    }

    /** An attribute value that must be present and non-blank. */
    static String requiredAttribute(Element e, String name) throws SamlException {
        if (!e.hasAttributeNS(null, name) || e.getAttributeNS(null, name).isBlank()) {
            throw SamlException.invalid("missing " + name + " on " + e.getLocalName());
        }
        return e.getAttributeNS(null, name).strip();
    }

    /** An optional attribute value, or null when absent. */
    static String optionalAttribute(Element e, String name) {
        return e.hasAttributeNS(null, name) ? e.getAttributeNS(null, name).strip() : null;
    }

    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}

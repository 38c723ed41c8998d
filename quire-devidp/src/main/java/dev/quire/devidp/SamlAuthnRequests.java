package dev.quire.devidp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an SP-initiated {@code samlp:AuthnRequest} from the HTTP-Redirect binding (raw DEFLATE,
 * then base64) or the HTTP-POST binding (base64). Signatures on requests are not checked, as in the
 * Keycloak setup Quire tests against ({@code saml.client.signature=false}); what protects the user is
 * that the ACS URL must match the SP's allow-list before anything is sent there.
 */
final class SamlAuthnRequests {
    static final int MAX_XML_BYTES = 100 * 1024;

    record AuthnRequest(String id, String issuer, String acsUrl) {
    }

    private SamlAuthnRequests() {
    }

    static AuthnRequest fromRedirectBinding(String samlRequest) {
        return read(inflate(decodeBase64(samlRequest)));
    }

    static AuthnRequest fromPostBinding(String samlRequest) {
        byte[] xml = decodeBase64(samlRequest);
        if (xml.length > MAX_XML_BYTES) {
            throw HttpError.badRequest("SAMLRequest too large");
        }
        return read(xml);
    }

    private static byte[] decodeBase64(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_XML_BYTES * 2) {
            throw HttpError.badRequest("missing or oversized SAMLRequest");
        }
        try {
            return Base64.getMimeDecoder().decode(value.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("SAMLRequest is not base64");
        }
    }

    /** Raw DEFLATE (RFC 1951, no zlib header), capped so a small request cannot inflate into a huge one. */
    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_XML_BYTES) {
                    throw HttpError.badRequest("SAMLRequest inflates beyond " + MAX_XML_BYTES + " bytes");
                }
            }
            if (!inflater.finished()) {
                throw HttpError.badRequest("SAMLRequest is not complete raw DEFLATE data");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw HttpError.badRequest("SAMLRequest is not raw DEFLATE data");
        } finally {
            inflater.end();
        }
    }

    private static AuthnRequest read(byte[] xml) {
        Document doc = Xml.parse(xml);
        Element root = doc.getDocumentElement();
        if (!Xml.SAMLP.equals(root.getNamespaceURI()) || !"AuthnRequest".equals(root.getLocalName())) {
            throw HttpError.badRequest("the SAML request must be a samlp:AuthnRequest");
        }
        String id = root.getAttributeNS(null, "ID");
        if (id.isBlank() || id.length() > 256) {
            throw HttpError.badRequest("the AuthnRequest has no usable ID");
        }
        String binding = root.getAttributeNS(null, "ProtocolBinding");
        if (!binding.isEmpty() && !SamlMetadataDocument.POST_BINDING.equals(binding)) {
            throw HttpError.badRequest("only the HTTP-POST binding is supported for responses");
        }
        String issuer = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Xml.SAML.equals(e.getNamespaceURI()) && "Issuer".equals(e.getLocalName())) {
                issuer = e.getTextContent().strip();
            }
        }
        if (issuer == null || issuer.isEmpty()) {
            throw HttpError.badRequest("the AuthnRequest has no Issuer");
        }
        String acs = root.getAttributeNS(null, "AssertionConsumerServiceURL");
        return new AuthnRequest(id, issuer, acs.isEmpty() ? null : acs);
    }
}

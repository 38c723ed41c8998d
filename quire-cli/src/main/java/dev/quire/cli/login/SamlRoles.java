package dev.quire.cli.login;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The role pairs a SAMLResponse offers in {@code https://aws.amazon.com/SAML/Attributes/Role}, read
 * only to choose RoleArn and PrincipalArn for AssumeRoleWithSAML, as the AWS sign-in page and
 * saml2aws do. Nothing here is trusted: STS verifies the signature and that the chosen pair is one
 * the assertion names.
 */
final class SamlRoles {
    static final String ROLE_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role";
    private static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    /** A role and the SAML provider allowed to assume it. */
    record RolePair(String roleArn, String principalArn) {
    }

    private SamlRoles() {
    }

    static List<RolePair> offered(String samlResponseBase64) {
        Document doc = parse(samlResponseBase64);
        List<RolePair> pairs = new ArrayList<>();
        NodeList attributes = doc.getElementsByTagNameNS(ASSERTION_NS, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (!ROLE_ATTRIBUTE.equals(attribute.getAttribute("Name"))) {
                continue;
            }
            NodeList values = attribute.getElementsByTagNameNS(ASSERTION_NS, "AttributeValue");
            for (int j = 0; j < values.getLength(); j++) {
                pair(values.item(j).getTextContent()).ifPresent(pairs::add);
            }
        }
        return pairs;
    }

    /**
     * The pair to assume: the one matching the given role (and provider) when given, else the only
     * one offered. Several without a choice, or none matching, is an error that lists them.
     */
    static RolePair choose(List<RolePair> offered, String roleArn, String principalArn) {
        List<RolePair> matching = offered.stream()
                .filter(p -> roleArn == null || p.roleArn().equals(roleArn))
                .filter(p -> principalArn == null || p.principalArn().equals(principalArn)).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        String listed = offered.isEmpty() ? "none (the IdP sends no " + ROLE_ATTRIBUTE + " attribute)"
                : String.join(", ", offered.stream().map(p -> p.roleArn() + " via " + p.principalArn()).toList());
        if (matching.isEmpty()) {
            throw new IllegalArgumentException((roleArn == null ? "The SAML response offers no role"
                    : "The SAML response does not offer " + roleArn) + "; it offers: " + listed);
        }
        throw new IllegalArgumentException("The SAML response offers several roles; choose one with --role-arn: " + listed);
    }

    /** {@code role-arn,provider-arn} in either order, as AWS accepts it. */
    private static java.util.Optional<RolePair> pair(String value) {
        String[] parts = value.strip().split("\\s*,\\s*");
        if (parts.length != 2) {
            return java.util.Optional.empty();
        }
        if (parts[0].contains(":role/") && parts[1].contains(":saml-provider/")) {
            return java.util.Optional.of(new RolePair(parts[0], parts[1]));
        }
        if (parts[1].contains(":role/") && parts[0].contains(":saml-provider/")) {
            return java.util.Optional.of(new RolePair(parts[1], parts[0]));
        }
        return java.util.Optional.empty();
    }

    private static Document parse(String samlResponseBase64) {
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(samlResponseBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The IdP's SAMLResponse is not base64.", e);
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // an IdP response has no DOCTYPE; refusing one rules out entity expansion and external fetches
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException("The IdP's SAMLResponse is not readable XML: " + e.getMessage(), e);
        }
    }
}

package dev.quire.server.web;

import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.iam.SamlProviderRecord;
import dev.quire.identity.saml.SamlAuthnRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Where a browser goes to sign in to a SAML web experience. The authenticationUrl is used as it is
 * when it starts an IdP-initiated sign-in (Okta's embed link, Keycloak's
 * {@code …/protocol/saml/clients/<name>}). When it is the IdP's SingleSignOnService for the
 * HTTP-Redirect binding, as the application's IAM SAML provider metadata lists it, that endpoint
 * needs a request: an unsigned AuthnRequest from {@code urn:amazon:webservices} asking for the
 * answer at this web experience's {@code <endpoint>saml} is added (SP-initiated sign-in).
 */
final class SamlSignInStart {
    static final String SP_ENTITY_ID = "urn:amazon:webservices";
    private static final String MD_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private final IamDirectory iam;

    SamlSignInStart(IamDirectory iam) {
        this.iam = iam;
    }

    /**
     * Where to send the browser, and the ID of the AuthnRequest sent with it (null when the sign-in is
     * IdP-initiated): the ACS must then see that ID come back from this browser.
     */
    record Start(String url, String requestId) {
    }

    /** {@code random} and {@code now} go into an AuthnRequest if one is needed. */
    Start start(WebTarget t, String authenticationUrl, String random, Instant now) {
        String arn = t.app().iamIdentityProviderArn();
        Set<String> ssoEndpoints = iam.samlProviderByArn(arn == null ? "" : arn)
                .map(SamlProviderRecord::metadataDocument).map(SamlSignInStart::redirectBindingLocations)
                .orElse(Set.of());
        if (!ssoEndpoints.contains(authenticationUrl)) {
            return new Start(authenticationUrl, null);
        }
        String requestId = "_" + random; // an xs:ID may not start with a digit or '-'
        return new Start(SamlAuthnRequest.redirectUrl(authenticationUrl, SamlAuthnRequest.xml(requestId, now,
                SP_ENTITY_ID, authenticationUrl, WebLogin.samlAcs(t), null)), requestId);
    }

    /** The HTTP-Redirect SingleSignOnService locations of IdP metadata (none if it cannot be read). */
    static Set<String> redirectBindingLocations(String metadataXml) {
        Set<String> out = new HashSet<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            NodeList services = f.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(metadataXml.getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagNameNS(MD_NS, "SingleSignOnService");
            for (int i = 0; i < services.getLength(); i++) {
                Element service = (Element) services.item(i);
                if (REDIRECT_BINDING.equals(service.getAttribute("Binding"))) {
                    out.add(service.getAttribute("Location"));
                }
            }
        } catch (Exception unreadable) {
            // IAM accepted the metadata; if it cannot be read here, the authenticationUrl is used as it is
        }
        return out;
    }
}

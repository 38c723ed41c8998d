package dev.quire.server.testkit;

import dev.quire.identity.saml.SamlAuthnRequest;
import java.time.Instant;
import java.util.UUID;

/** Builds unsigned SAML 2.0 AuthnRequests for the HTTP-Redirect binding, as an AWS-style SP would. */
public final class SamlAuthnRequests {
    private SamlAuthnRequests() {
    }

    /**
     * An AuthnRequest asking for an email NameID and a POST-binding answer at {@code acsUrl}.
     * {@code destination} may be null (it is optional for unsigned requests).
     */
    public static String authnRequestXml(String issuer, String acsUrl, String destination) {
        return SamlAuthnRequest.xml("_" + UUID.randomUUID(), Instant.now(), issuer, destination, acsUrl,
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
    }

    /** Raw DEFLATE (no zlib header), then base64, then URL-encoding: the Redirect-binding encoding. */
    public static String redirectBindingParameter(String xml) {
        return SamlAuthnRequest.redirectParameter(xml);
    }
}

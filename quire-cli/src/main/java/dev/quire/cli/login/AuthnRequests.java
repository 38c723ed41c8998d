package dev.quire.cli.login;

import dev.quire.identity.saml.InResponseTo;
import dev.quire.identity.saml.SamlAuthnRequest;
import dev.quire.identity.saml.SamlException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * SP-initiated sign-in for {@code login --saml --sp-initiated}: the IdP's SingleSignOnService URL
 * (what its metadata lists, the seed's IDP_SSO_URL) with an unsigned AuthnRequest from AWS's
 * service provider {@code urn:amazon:webservices} asking for the answer at the ACS URL, in the
 * HTTP-Redirect binding. The answer must not name another request (InResponseTo), as the web
 * experience's ACS requires too.
 */
final class AuthnRequests {
    static final String SP_ENTITY_ID = "urn:amazon:webservices";

    /** Where the sign-in starts, and the ID of the AuthnRequest it carries. */
    record SpInitiated(URI signInUrl, String requestId) {
    }

    private AuthnRequests() {
    }

    static SpInitiated start(URI ssoUrl, String acsUrl) {
        String requestId = "_" + UUID.randomUUID();
        String xml = SamlAuthnRequest.xml(requestId, Instant.now(), SP_ENTITY_ID, ssoUrl.toString(), acsUrl, null);
        return new SpInitiated(URI.create(SamlAuthnRequest.redirectUrl(ssoUrl.toString(), xml)), requestId);
    }

    /**
     * Refuses a response that answers another request, or whose Response and assertion name different
     * ones, before it goes to STS (which cannot know what this command asked for). A response naming
     * no request is IdP-initiated and passes, as at the web experience's ACS.
     */
    static void requireAnswers(String samlResponse, String requestId) {
        InResponseTo inResponseTo;
        try {
            inResponseTo = InResponseTo.read(samlResponse);
        } catch (SamlException e) {
            throw new IllegalStateException("The IdP's SAMLResponse is not usable: " + e.getMessage(), e);
        }
        if (!inResponseTo.unsolicited() && !inResponseTo.answers(requestId)) {
            throw new IllegalStateException("The IdP's SAML response answers another request (InResponseTo "
                    + inResponseTo.response() + " / " + inResponseTo.confirmation() + "), not the AuthnRequest "
                    + requestId + " this command sent; no credentials were requested.");
        }
    }
}

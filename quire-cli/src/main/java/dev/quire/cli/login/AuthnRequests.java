package dev.quire.cli.login;

import dev.quire.identity.saml.SamlAuthnRequest;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * SP-initiated sign-in for {@code login --saml --sp-initiated}: the IdP's SingleSignOnService URL
 * (what its metadata lists, the seed's IDP_SSO_URL) with an unsigned AuthnRequest from AWS's
 * service provider {@code urn:amazon:webservices} asking for the answer at the ACS URL, in the
 * HTTP-Redirect binding.
 */
final class AuthnRequests {
    static final String SP_ENTITY_ID = "urn:amazon:webservices";

    private AuthnRequests() {
    }

    static URI signInUrl(URI ssoUrl, String acsUrl) {
        String xml = SamlAuthnRequest.xml("_" + UUID.randomUUID(), Instant.now(), SP_ENTITY_ID, ssoUrl.toString(),
                acsUrl, null);
        return URI.create(SamlAuthnRequest.redirectUrl(ssoUrl.toString(), xml));
    }
}

package dev.quire.devidp;

import java.io.IOException;
import java.util.Map;

/** SAML metadata, the SSO endpoint (SP-initiated, Redirect or POST binding) and IdP-initiated sign-in. */
final class SamlEndpoints {
    static final String METADATA_PATH = "/protocol/saml/descriptor";
    static final String SSO_PATH = "/protocol/saml";
    static final String IDP_INITIATED_PATH = "/protocol/saml/idp-init";
    /** SAML bindings §3.4.3 says 80 bytes; real SPs send more, so allow some room but not unbounded. */
    static final int MAX_RELAY_STATE = 1024;

    private final IdpContext idp;
    private final LoginFlow login;

    SamlEndpoints(IdpContext idp, LoginFlow login) {
        this.idp = idp;
        this.login = login;
    }

    String metadataXml() {
        return SamlMetadataDocument.render(idp.issuer, idp.url(SSO_PATH), idp.keys);
    }

    void metadata(Exchange x) throws IOException {
        x.sendXml(200, metadataXml());
    }

    void singleSignOn(Exchange x) throws IOException {
        boolean post = "POST".equals(x.method());
        Map<String, String> p = post ? x.form() : x.query();
        SamlAuthnRequests.AuthnRequest request = post
                ? SamlAuthnRequests.fromPostBinding(p.get("SAMLRequest"))
                : SamlAuthnRequests.fromRedirectBinding(p.get("SAMLRequest"));
        DevSamlServiceProvider sp = idp.serviceProviders.get(request.issuer());
        if (sp == null) {
            throw HttpError.badRequest("Unknown SAML service provider.");
        }
        start(x, sp, request.acsUrl(), request.id(), p.get("RelayState"));
    }

    /** {@code ?sp=<entity id>&acs=<url>&RelayState=...}; acs defaults to the SP's first exact ACS URL. */
    void idpInitiated(Exchange x) throws IOException {
        Map<String, String> q = x.query();
        DevSamlServiceProvider sp = q.get("sp") == null ? null : idp.serviceProviders.get(q.get("sp"));
        if (sp == null) {
            throw HttpError.badRequest("Unknown SAML service provider.");
        }
        start(x, sp, q.get("acs"), null, q.get("RelayState"));
    }

    private void start(Exchange x, DevSamlServiceProvider sp, String requestedAcs, String inResponseTo,
                       String relayState) throws IOException {
        String acs = requestedAcs == null ? sp.defaultAcsUrl() : requestedAcs;
        if (acs == null || !sp.allowsAcs(acs)) {
            throw HttpError.badRequest("AssertionConsumerServiceURL is not allowed for this service provider.");
        }
        if (relayState != null && relayState.length() > MAX_RELAY_STATE) {
            throw HttpError.badRequest("RelayState too long.");
        }
        login.showLogin(x, new PendingLogin.SamlRequest(sp.entityId(), acs, inResponseTo, relayState), sp.entityId());
    }
}

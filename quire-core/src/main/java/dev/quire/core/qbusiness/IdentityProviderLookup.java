package dev.quire.core.qbusiness;

import java.util.Optional;

/** Which IAM identity provider an ARN names, so an application can be bound only to one that exists. */
@FunctionalInterface
public interface IdentityProviderLookup {
    String OIDC = "OIDC";
    String SAML = "SAML";

    /** @return {@value #OIDC} or {@value #SAML}, or empty when no such provider exists */
    Optional<String> providerType(String providerArn);
}

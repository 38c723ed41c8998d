package dev.quire.identity.oidc;

import java.util.Optional;

/** Looks up the OIDC provider registered for an issuer (already stripped of one trailing '/'). */
@FunctionalInterface
public interface OidcProviderDirectory {
    Optional<RegisteredOidcProvider> findByIssuer(String issuer);
}

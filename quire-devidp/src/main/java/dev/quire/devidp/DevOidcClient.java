package dev.quire.devidp;

import java.util.List;

/**
 * A confidential OIDC client of the development IdP.
 *
 * @param clientId            the {@code client_id}; also the ID token's {@code aud} and {@code azp}
 * @param secret              the client secret (client_secret_basic or client_secret_post)
 * @param redirectUriPatterns allowed redirect and post-logout redirect URIs: exact URIs, or URIs
 *                            ending in {@code /*} (prefix match). A loopback host without a port,
 *                            such as {@code http://127.0.0.1/*}, accepts any port, as in Keycloak.
 */
public record DevOidcClient(String clientId, String secret, List<String> redirectUriPatterns) {
    public DevOidcClient {
        DevUser.requireText(clientId, "clientId");
        DevUser.requireText(secret, "secret");
        redirectUriPatterns = List.copyOf(redirectUriPatterns);
        redirectUriPatterns.forEach(RedirectPattern::parse);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "DevOidcClient[" + clientId + ", " + redirectUriPatterns + "]";
    }
}

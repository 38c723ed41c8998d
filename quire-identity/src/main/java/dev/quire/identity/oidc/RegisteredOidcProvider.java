package dev.quire.identity.oidc;

import java.util.List;
import java.util.Objects;

/**
 * An IAM OpenID Connect provider as registered in the account.
 *
 * @param arn       the provider ARN, e.g. {@code arn:aws:iam::123456789012:oidc-provider/127.0.0.1:18080/realms/acme}
 * @param url       the issuer as registered, e.g. {@code http://127.0.0.1:18080/realms/acme}
 * @param clientIds the audiences (client ids) a token must name in {@code aud} or {@code azp}
 */
public record RegisteredOidcProvider(String arn, String url, List<String> clientIds) {

    public RegisteredOidcProvider {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(url, "url");
        clientIds = List.copyOf(clientIds);
    }

    /** True when {@code issuer} names this provider: exact match after dropping one trailing '/' on each side. */
    public boolean matchesIssuer(String issuer) {
        return issuer != null && normalizeIssuer(url).equals(normalizeIssuer(issuer));
    }

    /** The issuer without one trailing '/', the form used to look providers up. */
    public static String normalizeIssuer(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}

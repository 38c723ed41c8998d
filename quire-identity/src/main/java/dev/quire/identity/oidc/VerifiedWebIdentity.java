package dev.quire.identity.oidc;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A web identity token whose signature, issuer, audience, lifetime and session tags were checked.
 *
 * @param provider          the registered provider the token's issuer matched
 * @param issuer            the token's {@code iss} exactly as written in the token
 * @param subject           {@code sub}
 * @param audience          the client id that matched ({@code aud} first, then {@code azp})
 * @param claims            every claim of the token (unmodifiable; values as parsed from JSON)
 * @param principalTags     session tags from {@code https://aws.amazon.com/tags.principal_tags}
 * @param transitiveTagKeys {@code https://aws.amazon.com/tags.transitive_tag_keys}
 * @param amr               the {@code amr} claim as a list (empty when absent)
 * @param expiresAt         {@code exp}
 */
public record VerifiedWebIdentity(
        RegisteredOidcProvider provider,
        String issuer,
        String subject,
        String audience,
        Map<String, Object> claims,
        Map<String, String> principalTags,
        List<String> transitiveTagKeys,
        List<String> amr,
        Instant expiresAt) {

    public VerifiedWebIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // JSON null is a legal claim value, so Map.copyOf (which rejects nulls) is not usable here.
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        principalTags = Collections.unmodifiableMap(new LinkedHashMap<>(principalTags));
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
        amr = List.copyOf(amr);
    }

    /**
     * The prefix of this provider's IAM condition keys: the issuer without its scheme and without a
     * trailing '/', e.g. {@code 127.0.0.1:18080/realms/acme} (then {@code :aud}, {@code :sub}, ...).
     */
    public String conditionKeyPrefix() {
        String normalized = RegisteredOidcProvider.normalizeIssuer(issuer);
        int schemeEnd = normalized.indexOf("://");
        return schemeEnd < 0 ? normalized : normalized.substring(schemeEnd + 3);
    }
}

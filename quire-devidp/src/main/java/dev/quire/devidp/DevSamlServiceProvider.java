package dev.quire.devidp;

import java.util.List;

/**
 * A SAML service provider of the development IdP, such as AWS ({@code urn:amazon:webservices}).
 *
 * @param entityId           the SP entity id: the AuthnRequest Issuer and the assertion's Audience
 * @param acsUrlPatterns     allowed AssertionConsumerService URLs, same syntax as
 *                           {@link DevOidcClient#redirectUriPatterns()}; the first exact one is the
 *                           default ACS when a request names none
 * @param roleAttributeValues values of {@code https://aws.amazon.com/SAML/Attributes/Role}, each
 *                           {@code "<role-arn>,<provider-arn>"}
 */
public record DevSamlServiceProvider(String entityId, List<String> acsUrlPatterns, List<String> roleAttributeValues) {
    public DevSamlServiceProvider {
        DevUser.requireText(entityId, "entityId");
        acsUrlPatterns = List.copyOf(acsUrlPatterns);
        acsUrlPatterns.forEach(RedirectPattern::parse);
        roleAttributeValues = List.copyOf(roleAttributeValues);
        if (acsUrlPatterns.isEmpty()) {
            throw new IllegalArgumentException("at least one ACS URL pattern is required");
        }
    }

    /** The first pattern without a wildcard, used when a request names no ACS URL. */
    String defaultAcsUrl() {
        return acsUrlPatterns.stream().filter(p -> !p.endsWith("*")).findFirst().orElse(null);
    }

    boolean allowsAcs(String url) {
        return RedirectPattern.anyMatches(acsUrlPatterns, url);
    }
}

package dev.quire.identity.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An IAM SAML provider: the IdP's metadata document exactly as given (it holds the signing
 * certificates). {@code validUntil} comes from the document's validUntil attribute, null when absent.
 */
public record SamlProviderRecord(String arn, String name, String metadataDocument, Instant createDate,
                                 Instant validUntil, Map<String, String> tags) {
    public SamlProviderRecord {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}

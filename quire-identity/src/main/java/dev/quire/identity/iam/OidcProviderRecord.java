package dev.quire.identity.iam;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM OpenID Connect provider. {@code url} is the issuer URL as registered, scheme included
 * (https://, or http:// for a loopback host), without a trailing slash.
 */
public record OidcProviderRecord(String arn, String url, List<String> clientIds, List<String> thumbprints,
                                 Instant createDate, Map<String, String> tags) {
    public OidcProviderRecord {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        thumbprints = thumbprints == null ? List.of() : List.copyOf(thumbprints);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    OidcProviderRecord withClientIds(List<String> ids) {
        return new OidcProviderRecord(arn, url, ids, thumbprints, createDate, tags);
    }
}

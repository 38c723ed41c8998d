package dev.quire.identity.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer managed policy as stored, its versions inside it (at most five, as in IAM).
 * {@code nextVersion} only grows, so a deleted version id is never reused.
 */
public record IamPolicy(String policyName, String policyId, String path, String arn, String description,
                        String defaultVersionId, int attachmentCount, Map<String, String> tags,
                        List<IamPolicyVersion> versions, int nextVersion, Instant createDate, Instant updateDate) {
    public static final int MAX_VERSIONS = 5;

    public IamPolicy {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    public Optional<IamPolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** The document of the default version: what the policy grants. */
    public String defaultDocument() {
        return version(defaultVersionId).map(IamPolicyVersion::document).orElseThrow();
    }

    IamPolicy withAttachmentCount(int count) {
        return new IamPolicy(policyName, policyId, path, arn, description, defaultVersionId, count, tags,
                versions, nextVersion, createDate, updateDate);
    }

    IamPolicy withVersions(List<IamPolicyVersion> newVersions, String newDefault, int newNext, Instant now) {
        return new IamPolicy(policyName, policyId, path, arn, description, newDefault, attachmentCount, tags,
                newVersions, newNext, createDate, now);
    }
}

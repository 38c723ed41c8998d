package dev.quire.core.secrets;

import java.util.List;

/** What CreateSecret, PutSecretValue and UpdateSecret answer: the secret and the version written (or null). */
public record VersionRef(String arn, String name, String versionId, List<String> versionStages) {
    public VersionRef {
        versionStages = versionStages == null ? List.of() : List.copyOf(versionStages);
    }
}

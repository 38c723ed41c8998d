package dev.quire.core.secrets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored JSON of one secret. Values appear only sealed ({@link StoredVersion#sealed}).
 * Mutable on purpose: each operation loads a fresh copy, changes it, and writes it back under
 * the store's optimistic version check.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class StoredSecret {
    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    public String arn;
    public String name;
    public String region;
    public String description;
    public String kmsKeyId;
    public List<SecretTag> tags = new ArrayList<>();
    public Instant createdDate;
    public Instant lastChangedDate;
    public Instant lastAccessedDate;
    public Instant deletedDate;
    public Instant deletionDate;
    public List<StoredVersion> versions = new ArrayList<>();

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class StoredVersion {
        public String versionId;
        public List<String> stages = new ArrayList<>();
        public Instant createdDate;
        /** base64 of the AES-GCM envelope made by {@link SecretCipher}; never plaintext. */
        public String sealed;

        @Override
        public String toString() {
            return "StoredVersion[" + versionId + " " + stages + "]";
        }
    }

    boolean scheduledForDeletion() {
        return deletedDate != null;
    }

    StoredVersion version(String versionId) {
        return versions.stream().filter(v -> v.versionId.equals(versionId)).findFirst().orElse(null);
    }

    StoredVersion withStage(String stage) {
        return versions.stream().filter(v -> v.stages.contains(stage)).findFirst().orElse(null);
    }

    /**
     * Adds {@code added} carrying {@code stages}, taking each label from the version that had it.
     * When AWSCURRENT moves, the version it left becomes AWSPREVIOUS. Versions left without any
     * label are deprecated; Quire drops them (and their ciphertext) at once.
     */
    void addVersion(StoredVersion added, List<String> stages) {
        StoredVersion oldCurrent = stages.contains(CURRENT) ? withStage(CURRENT) : null;
        for (StoredVersion v : versions) {
            v.stages.removeAll(stages);
        }
        if (oldCurrent != null) {
            for (StoredVersion v : versions) {
                v.stages.remove(PREVIOUS);
            }
            oldCurrent.stages.add(PREVIOUS);
        }
        added.stages = new ArrayList<>(stages);
        versions.add(added);
        versions.removeIf(v -> v.stages.isEmpty());
    }

    Map<String, List<String>> versionIdsToStages() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (StoredVersion v : versions) {
            out.put(v.versionId, List.copyOf(v.stages));
        }
        return out;
    }

    SecretDescription describe() {
        return new SecretDescription(arn, name, description, kmsKeyId, tags, createdDate, lastChangedDate,
                lastAccessedDate, deletedDate, deletionDate, versionIdsToStages());
    }

    @Override
    public String toString() {
        return "StoredSecret[" + arn + "]";
    }
}

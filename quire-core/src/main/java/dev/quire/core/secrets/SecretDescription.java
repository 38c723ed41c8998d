package dev.quire.core.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What DescribeSecret and ListSecrets show of a secret: never its value.
 *
 * @param deletedDate      when DeleteSecret was called, or null when the secret is not scheduled for deletion
 * @param deletionDate     when a scheduled deletion becomes final, or null
 * @param lastAccessedDate the day (midnight UTC) of the last GetSecretValue, or null
 * @param versionIdsToStages version id to its staging labels, for versions that have labels
 */
public record SecretDescription(String arn, String name, String description, String kmsKeyId,
                                List<SecretTag> tags, Instant createdDate, Instant lastChangedDate,
                                Instant lastAccessedDate, Instant deletedDate, Instant deletionDate,
                                Map<String, List<String>> versionIdsToStages) {
    public SecretDescription {
        tags = List.copyOf(tags);
        versionIdsToStages = Map.copyOf(versionIdsToStages);
    }
}

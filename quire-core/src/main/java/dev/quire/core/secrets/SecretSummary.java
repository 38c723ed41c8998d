package dev.quire.core.secrets;

import java.time.Instant;

/** What ListSecrets shows of a secret: never its value. */
public record SecretSummary(String arn, String name, String description, Instant createdDate,
                            Instant lastChangedDate, Instant deletedDate) {
}

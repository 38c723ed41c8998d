package dev.quire.core.secrets;

import java.time.Instant;
import java.util.List;

/** GetSecretValue's answer: one decrypted version. {@link SecretValue} keeps the value out of {@link #toString}. */
public record SecretVersion(String arn, String name, String versionId, SecretValue value,
                            List<String> versionStages, Instant createdDate) {
    public SecretVersion {
        versionStages = List.copyOf(versionStages);
    }
}

package dev.quire.core.secrets;

import java.util.List;

/**
 * A CreateSecret request. {@code value} is null for a secret created without a version;
 * {@code clientRequestToken} null lets Quire pick the version id. Prints without the value.
 */
public record NewSecret(String name, String clientRequestToken, String description, String kmsKeyId,
                        SecretValue value, List<SecretTag> tags) {
    public NewSecret {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

package dev.quire.core.qbusiness;

import dev.quire.core.qbusiness.tags.Tag;
import java.util.List;

/** A CreateApplication request (wire-validated: lengths and enum values). Its JSON is the idempotency fingerprint. */
public record NewApplication(String displayName, String description, String identityType,
                             String iamIdentityProviderArn, String identityCenterInstanceArn,
                             List<String> clientIdsForOIDC, String roleArn, String kmsKeyId,
                             String attachmentsControlMode, String qAppsControlMode,
                             String personalizationControlMode, String quickSightClientNamespace, List<Tag> tags) {
    public NewApplication {
        clientIdsForOIDC = clientIdsForOIDC == null ? List.of() : List.copyOf(clientIdsForOIDC);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

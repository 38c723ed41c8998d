package dev.quire.core.qbusiness;

import java.time.Instant;
import java.util.List;

/**
 * A Q Business application as stored. Optional members are null when never set. The timestamps
 * are the store's own (set on read from the record's createdAt/updatedAt).
 */
public record Application(String applicationId, String applicationArn, String displayName, String description,
                          String identityType, String iamIdentityProviderArn, List<String> clientIdsForOIDC,
                          String roleArn, String status, String kmsKeyId, String attachmentsControlMode,
                          String qAppsControlMode, String personalizationControlMode, String autoSubscribe,
                          String defaultSubscriptionType, String quickSightClientNamespace,
                          Instant createdAt, Instant updatedAt) {
    public Application {
        clientIdsForOIDC = clientIdsForOIDC == null ? List.of() : List.copyOf(clientIdsForOIDC);
    }

    public boolean anonymous() {
        return "ANONYMOUS".equals(identityType);
    }

    Application withTimes(Instant created, Instant updated) {
        return new Application(applicationId, applicationArn, displayName, description, identityType,
                iamIdentityProviderArn, clientIdsForOIDC, roleArn, status, kmsKeyId, attachmentsControlMode,
                qAppsControlMode, personalizationControlMode, autoSubscribe, defaultSubscriptionType,
                quickSightClientNamespace, created, updated);
    }

    Application withStatus(String newStatus) {
        return new Application(applicationId, applicationArn, displayName, description, identityType,
                iamIdentityProviderArn, clientIdsForOIDC, roleArn, newStatus, kmsKeyId, attachmentsControlMode,
                qAppsControlMode, personalizationControlMode, autoSubscribe, defaultSubscriptionType,
                quickSightClientNamespace, createdAt, updatedAt);
    }

    Application with(ApplicationChanges c) {
        return new Application(applicationId, applicationArn, or(c.displayName(), displayName),
                or(c.description(), description), identityType, iamIdentityProviderArn, clientIdsForOIDC,
                or(c.roleArn(), roleArn), status, kmsKeyId, or(c.attachmentsControlMode(), attachmentsControlMode),
                or(c.qAppsControlMode(), qAppsControlMode),
                or(c.personalizationControlMode(), personalizationControlMode), or(c.autoSubscribe(), autoSubscribe),
                c.autoSubscribe() != null ? c.defaultSubscriptionType() : defaultSubscriptionType,
                quickSightClientNamespace, createdAt, updatedAt);
    }

    private static String or(String changed, String current) {
        return changed != null ? changed : current;
    }
}

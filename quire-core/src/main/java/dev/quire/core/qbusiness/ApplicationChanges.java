package dev.quire.core.qbusiness;

/**
 * An UpdateApplication request; null members stay as they are. {@code autoSubscribe} and
 * {@code defaultSubscriptionType} come together from autoSubscriptionConfiguration.
 */
public record ApplicationChanges(String displayName, String description, String roleArn,
                                 String identityCenterInstanceArn, String attachmentsControlMode,
                                 String qAppsControlMode, String personalizationControlMode,
                                 String autoSubscribe, String defaultSubscriptionType) {
}

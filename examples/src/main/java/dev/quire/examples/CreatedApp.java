package dev.quire.examples;

/**
 * What a create script made. The secrets-manager fields are null for SAML, which has no client secret.
 */
public record CreatedApp(String prefix, String providerArn, String applicationId, String indexId,
                         String retrieverId, String webExperiencePolicyArn, String webExperienceRoleArn,
                         String secretsManagerPolicyArn, String secretsManagerRoleArn,
                         String webExperienceId, String webExperienceArn) {
}

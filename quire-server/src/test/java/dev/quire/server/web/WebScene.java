package dev.quire.server.web;

import dev.quire.server.chat.ChatScene;
import dev.quire.server.support.RunningQuire;
import java.io.IOException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The seed scene plus what an administrator adds for the hosted web experience: the OIDC client
 * secret in Secrets Manager, a secretsRole allowed to read it, and CreateWebExperience with
 * openIDConnectConfiguration — all through the AWS SDK.
 */
final class WebScene {
    static final String SECRETS_ROLE = "quire-web-oidc-secret-reader";

    final ChatScene chat;
    final String secretArn;
    final String webExperienceId;
    final String endpoint;

    WebScene(RunningQuire quire) throws IOException {
        chat = new ChatScene(quire);
        try (SecretsManagerClient sm = SecretsManagerClient.builder().endpointOverride(quire.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(quire.rootCredentials())
                .httpClientBuilder(ApacheHttpClient.builder()).overrideConfiguration(RunningQuire.noRetries()).build();
             IamClient iam = quire.iam(quire.rootCredentials());
             QBusinessClient qb = quire.qbusiness(quire.rootCredentials())) {
            secretArn = sm.createSecret(r -> r.name("quire-web-oidc")
                    .secretString("{\"client_secret\":\"" + chat.keycloak.oidcClientSecret() + "\"}")).arn();
            String secretsRoleArn = iam.createRole(r -> r.roleName(SECRETS_ROLE).assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
            iam.putRolePolicy(r -> r.roleName(SECRETS_ROLE).policyName("read-oidc-secret").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Action":"secretsmanager:GetSecretValue","Resource":"%s"}]}""".formatted(secretArn)));
            webExperienceId = qb.createWebExperience(r -> r.applicationId(chat.app).title("ACME Assistant")
                    .subtitle("Answers from the documents you may read").welcomeMessage("Hello! Ask about your projects.")
                    .samplePromptsControlMode("ENABLED").roleArn(ChatScene.ROLE_ARN)
                    .identityProviderConfiguration(i -> i.openIDConnectConfiguration(o -> o
                            .secretsArn(secretArn).secretsRole(secretsRoleArn)))).webExperienceId();
            endpoint = qb.getWebExperience(r -> r.applicationId(chat.app).webExperienceId(webExperienceId))
                    .defaultEndpoint();
        }
    }
}

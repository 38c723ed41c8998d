package dev.quire.cli.admin;

import dev.quire.cli.demo.DemoPolicies;
import java.io.IOException;
import java.io.PrintStream;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.CreateApplicationRequest;
import software.amazon.awssdk.services.qbusiness.model.IdentityProviderConfiguration;
import software.amazon.awssdk.services.qbusiness.model.IndexType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * The seed's provisioning sequence, shared by the OIDC and SAML commands: application with
 * auto-subscription, index, native retriever, web-experience role with the seed's permission
 * policy, optionally the secret and secrets role, then the web experience. Prints each id as made.
 */
final class AppProvisioner {

    record Created(String applicationId, String indexId, String retrieverId, String roleArn, String webExperienceId,
                   String webExperienceUrl) {
    }

    private final IamClient iam;
    private final QBusinessClient qbusiness;
    private final String accountId;
    private final String name;
    private final PrintStream out;

    AppProvisioner(IamClient iam, QBusinessClient qbusiness, String accountId, String name, PrintStream out) {
        this.iam = iam;
        this.qbusiness = qbusiness;
        this.accountId = accountId;
        this.name = name;
        this.out = out;
    }

    /** Creates everything after the IAM provider; {@code signIn} builds the web experience's sign-in (or null). */
    Created create(Consumer<CreateApplicationRequest.Builder> identity, String roleTrust,
                   java.util.function.Function<String, IdentityProviderConfiguration> signIn) {
        String appId = qbusiness.createApplication(r -> {
            r.displayName(name).description("Created by quire admin").clientToken(UUID.randomUUID().toString());
            identity.accept(r);
        }).applicationId();
        qbusiness.updateApplication(r -> r.applicationId(appId).autoSubscriptionConfiguration(a -> a
                .autoSubscribe("ENABLED").defaultSubscriptionType("Q_BUSINESS")));
        step("application (auto-subscription ENABLED, Q_BUSINESS)", appId);
        String indexId = qbusiness.createIndex(r -> r.applicationId(appId).displayName(name + "-index")
                .type(IndexType.ENTERPRISE).capacityConfiguration(c -> c.units(1))).indexId();
        step("index", indexId);
        String retrieverId = qbusiness.createRetriever(r -> r.applicationId(appId).displayName(name + "-retriever")
                .type("NATIVE_INDEX").configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(indexId))))
                .retrieverId();
        step("retriever (NATIVE_INDEX)", retrieverId);
        String roleArn = role(name + "-web-experience-role", roleTrust, "web-experience",
                webExperiencePermissions(appId), "Users of the " + name + " web experience");
        step("web-experience role", roleArn);
        IdentityProviderConfiguration config = signIn == null ? null : signIn.apply(appId);
        String webId = qbusiness.createWebExperience(r -> {
            r.applicationId(appId).title(name).samplePromptsControlMode("ENABLED").roleArn(roleArn);
            if (config != null) {
                r.identityProviderConfiguration(config);
            }
        }).webExperienceId();
        String url = qbusiness.getWebExperience(r -> r.applicationId(appId).webExperienceId(webId)).defaultEndpoint();
        step("web experience", webId);
        out.println("web experience URL: " + url);
        return new Created(appId, indexId, retrieverId, roleArn, webId, url);
    }

    /** Amazon Q's way for OIDC web sign-in: the client secret in a secret only a dedicated role may read. */
    IdentityProviderConfiguration oidcSignIn(SecretsManagerClient secrets, String clientSecret) {
        String secretName = name + "-oidc-client-secret";
        String value = "{\"client_secret\":\"" + clientSecret.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        String secretArn;
        try {
            secretArn = secrets.createSecret(r -> r.name(secretName).secretString(value)).arn();
        } catch (ResourceExistsException e) {
            secretArn = secrets.putSecretValue(r -> r.secretId(secretName).secretString(value)).arn();
        }
        step("Secrets Manager secret (OIDC client secret)", secretArn);
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"application.qbusiness.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:SourceAccount\":\"" + accountId + "\"}}}]}";
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"secretsmanager:GetSecretValue\",\"Resource\":\"" + secretArn + "\"}]}";
        String roleArn = role(name + "-secrets-role", trust, "read-oidc-client-secret", policy,
                "Lets the " + name + " web experience read its OIDC client secret");
        step("secrets role (GetSecretValue on that secret only)", roleArn);
        String arn = secretArn;
        return IdentityProviderConfiguration.fromOpenIDConnectConfiguration(o -> o.secretsArn(arn).secretsRole(roleArn));
    }

    /** Creates the role, or on a rerun replaces its trust; then (re)puts its inline policy. */
    private String role(String roleName, String trust, String policyName, String policy, String description) {
        try {
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust).description(description));
        } catch (EntityAlreadyExistsException e) {
            iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(trust));
        }
        iam.putRolePolicy(r -> r.roleName(roleName).policyName(policyName).policyDocument(policy));
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    private String webExperiencePermissions(String applicationId) {
        return DemoPolicies.webExperiencePermissions(accountId, applicationId);
    }

    void step(String what, String id) {
        out.println("  ✓ " + what + ": " + id);
    }

    /** Amazon Q allows only [A-Za-z0-9][A-Za-z0-9_-]* as display name; role names must also fit. */
    static String checkedName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("--name must be 1-40 of letters, digits, '_' or '-', starting with a "
                    + "letter or digit: '" + name + "'");
        }
        return name;
    }
}

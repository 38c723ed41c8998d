package dev.quire.cli.provision;

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
 * The provisioning steps an administrator of Amazon Q Business takes, each one public API call (or
 * a short sequence) signed with the admin's keys, printing "✓ what: id" as it goes. Shared by
 * {@code ./quire demo} and {@code ./quire admin create-*-app}, so both provision the same way.
 * Steps that may meet an earlier, interrupted run's leftovers (roles, secrets) update them in place.
 */
public final class ProvisioningSteps {
    private final IamClient iam;
    private final QBusinessClient qbusiness;
    private final String accountId;
    private final PrintStream out;

    public ProvisioningSteps(IamClient iam, QBusinessClient qbusiness, String accountId, PrintStream out) {
        this.iam = iam;
        this.qbusiness = qbusiness;
        this.accountId = accountId;
        this.out = out;
    }

    /** An index and the NATIVE_INDEX retriever over it. */
    public record IndexAndRetriever(String indexId, String retrieverId) {
    }

    /** Where a web experience finds its OIDC client secret, and the role that may read it. */
    public record OidcClientSecret(String secretArn, String secretsRoleArn) {
        public IdentityProviderConfiguration configuration() {
            return IdentityProviderConfiguration.fromOpenIDConnectConfiguration(o -> o.secretsArn(secretArn)
                    .secretsRole(secretsRoleArn));
        }
    }

    /** Creates the application ({@code identity} sets its identity type and provider) with auto-subscription. */
    public String application(String displayName, String description, Consumer<CreateApplicationRequest.Builder> identity) {
        String appId = qbusiness.createApplication(r -> {
            r.displayName(displayName).description(description).clientToken(UUID.randomUUID().toString());
            identity.accept(r);
        }).applicationId();
        qbusiness.updateApplication(r -> r.applicationId(appId).autoSubscriptionConfiguration(a -> a
                .autoSubscribe("ENABLED").defaultSubscriptionType("Q_BUSINESS")));
        step("application (auto-subscription ENABLED, Q_BUSINESS)", appId);
        return appId;
    }

    /** An ENTERPRISE index of one unit named {@code <name>-index} and its retriever {@code <name>-retriever}. */
    public IndexAndRetriever indexWithRetriever(String applicationId, String name) {
        String indexId = qbusiness.createIndex(r -> r.applicationId(applicationId).displayName(name + "-index")
                .type(IndexType.ENTERPRISE).capacityConfiguration(c -> c.units(1))).indexId();
        step("index (ENTERPRISE, 1 unit)", indexId);
        String retrieverId = qbusiness.createRetriever(r -> r.applicationId(applicationId)
                .displayName(name + "-retriever").type("NATIVE_INDEX")
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(indexId)))).retrieverId();
        step("retriever (NATIVE_INDEX)", retrieverId);
        return new IndexAndRetriever(indexId, retrieverId);
    }

    /** Creates the role, or on a rerun replaces its trust; then (re)puts its one inline policy. Returns its ARN. */
    public String role(String roleName, String trust, String policyName, String policy, String description) {
        try {
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust).description(description));
        } catch (EntityAlreadyExistsException e) {
            iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(trust));
        }
        iam.putRolePolicy(r -> r.roleName(roleName).policyName(policyName).policyDocument(policy));
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    /**
     * Amazon Q's way for OIDC web sign-in: the client secret in the secret {@code <name>-oidc-client-secret},
     * readable only by the role {@code <name>-secrets-role}, which only the Q Business service of this
     * account may assume.
     */
    public OidcClientSecret oidcClientSecret(SecretsManagerClient secrets, String name, String clientSecret,
                                             String roleDescription) {
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
        String roleArn = role(name + "-secrets-role", trust, "read-oidc-client-secret", policy, roleDescription);
        step("secrets role (GetSecretValue on that secret only)", roleArn);
        return new OidcClientSecret(secretArn, roleArn);
    }

    public void step(String what, String id) {
        out.println("  ✓ " + what + ": " + id);
    }
}

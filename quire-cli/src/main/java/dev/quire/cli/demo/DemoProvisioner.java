package dev.quire.cli.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.Application;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.IndexType;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.WebExperience;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * Creates the demo application exactly as an administrator would, through IAM and Q Business calls
 * signed with the root keys: the IdP's OIDC and SAML providers, the application (OIDC, auto-subscription),
 * an index and native retriever, the web-experience role with the seed's policies, the web experience
 * and the core-team group. A second run finds the application by its display name and changes nothing.
 */
public final class DemoProvisioner {
    /** Amazon Q (and Quire) allow only [A-Za-z0-9][A-Za-z0-9_-]* here, so not "Quire demo". */
    public static final String DISPLAY_NAME = "quire-demo";

    /** What the demo's users chat with. */
    public record DemoApp(String applicationId, String indexId, String roleArn, String webExperienceEndpoint,
                          boolean reused) {
    }

    private final IamClient iam;
    private final QBusinessClient qbusiness;
    private final String accountId;
    private final PrintStream out;
    private SecretsManagerClient secrets;
    private String clientSecret;

    public DemoProvisioner(IamClient iam, QBusinessClient qbusiness, String accountId, PrintStream out) {
        this.iam = iam;
        this.qbusiness = qbusiness;
        this.accountId = accountId;
        this.out = out;
    }

    /**
     * Lets the web experience sign users in with OIDC as Amazon Q's does: the client secret in a
     * Secrets Manager secret, read through a secrets role allowed GetSecretValue on it alone.
     */
    public DemoProvisioner withWebSignIn(SecretsManagerClient secretsManager, String oidcClientSecret) {
        this.secrets = secretsManager;
        this.clientSecret = oidcClientSecret;
        return this;
    }

    /** Finds or creates the demo application; {@code fresh} is true when content must be loaded. */
    public DemoApp provision(String issuer, String clientId, String samlMetadataXml, DemoUsers users) {
        String roleArn = DemoIdentityProvider.roleArn(accountId);
        Application existing = findExisting();
        if (existing != null) {
            String indexId = qbusiness.listIndices(r -> r.applicationId(existing.applicationId())).indices().get(0).indexId();
            out.println("reusing the demo application '" + DISPLAY_NAME + "' (" + existing.applicationId()
                    + ") provisioned by an earlier run");
            return new DemoApp(existing.applicationId(), indexId, roleArn, webEndpoint(existing.applicationId()), true);
        }
        out.println("provisioning through the public API (IAM + Q Business, signed with the root keys):");
        String oidcArn = oidcProvider(issuer, clientId);
        step("IAM OpenID Connect provider", oidcArn);
        String samlArn = samlProvider(samlMetadataXml);
        step("IAM SAML provider", samlArn);
        String appId = qbusiness.createApplication(r -> r.displayName(DISPLAY_NAME)
                .description("Sample wiki with per-space permissions, created by ./quire demo")
                .identityType(IdentityType.AWS_IAM_IDP_OIDC).iamIdentityProviderArn(oidcArn).clientIdsForOIDC(clientId)
                .clientToken(UUID.randomUUID().toString())).applicationId();
        qbusiness.updateApplication(r -> r.applicationId(appId).autoSubscriptionConfiguration(a -> a
                .autoSubscribe("ENABLED").defaultSubscriptionType("Q_BUSINESS")));
        step("application (auto-subscription ENABLED, Q_BUSINESS)", appId);
        String indexId = qbusiness.createIndex(r -> r.applicationId(appId).displayName("quire-demo-index")
                .type(IndexType.ENTERPRISE).capacityConfiguration(c -> c.units(1))).indexId();
        step("index (ENTERPRISE, 1 unit)", indexId);
        String retrieverId = qbusiness.createRetriever(r -> r.applicationId(appId).displayName("quire-demo-retriever")
                .type("NATIVE_INDEX").configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(indexId))))
                .retrieverId();
        step("retriever (NATIVE_INDEX)", retrieverId);
        webExperienceRole(oidcArn, issuer, clientId, samlArn, appId);
        step("web-experience role (seed trust + seed policy)", roleArn);
        String[] signIn = webSignIn(appId);
        String webId = qbusiness.createWebExperience(r -> {
            r.applicationId(appId).title("Quire demo")
                    .subtitle("Answers only from pages you may read")
                    .welcomeMessage("Hi! Ask about the company wiki: holidays, expenses, VPN, or your project's team page.")
                    .samplePromptsControlMode("ENABLED").roleArn(roleArn);
            if (signIn != null) {
                r.identityProviderConfiguration(c -> c.openIDConnectConfiguration(o -> o.secretsArn(signIn[0])
                        .secretsRole(signIn[1])));
            }
        }).webExperienceId();
        step("web experience", webId);
        List<String> core = users.all().stream().filter(DemoUsers.DemoUser::coreTeam).map(DemoUsers.DemoUser::email).toList();
        qbusiness.putGroup(r -> r.applicationId(appId).indexId(indexId).groupName(DemoUsers.CORE_TEAM)
                .type(MembershipType.INDEX).groupMembers(m -> m.memberUsers(core.stream().map(email ->
                        software.amazon.awssdk.services.qbusiness.model.MemberUser.builder().userId(email)
                                .type(MembershipType.INDEX).build()).toList())));
        step("group " + DemoUsers.CORE_TEAM, String.join(", ", core));
        return new DemoApp(appId, indexId, roleArn, webEndpoint(appId), false);
    }

    /** The secret holding the OIDC client secret and the role allowed to read it; null without Secrets Manager. */
    private String[] webSignIn(String appId) {
        if (secrets == null) {
            return null;
        }
        String secretArn;
        try {
            secretArn = secrets.createSecret(r -> r.name("quire-demo-oidc-client-secret")
                    .secretString("{\"client_secret\":\"" + clientSecret + "\"}")).arn();
        } catch (ResourceExistsException e) {
            secretArn = secrets.putSecretValue(r -> r.secretId("quire-demo-oidc-client-secret")
                    .secretString("{\"client_secret\":\"" + clientSecret + "\"}")).arn();
        }
        step("Secrets Manager secret (OIDC client secret)", secretArn);
        String roleName = "quire-demo-secrets-role";
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"application.qbusiness.amazonaws.com\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:SourceAccount\":\"" + accountId + "\"}}}]}";
        try {
            iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(trust)
                    .description("Lets the Quire demo web experience read its OIDC client secret"));
        } catch (EntityAlreadyExistsException e) {
            iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(trust));
        }
        String arn = secretArn;
        iam.putRolePolicy(r -> r.roleName(roleName).policyName("read-oidc-client-secret").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"secretsmanager:GetSecretValue\",\"Resource\":\"" + arn + "\"}]}"));
        String roleArn = "arn:aws:iam::" + accountId + ":role/" + roleName;
        step("secrets role (GetSecretValue on that secret only)", roleArn);
        return new String[] {secretArn, roleArn};
    }

    private Application findExisting() {
        for (var page : qbusiness.listApplicationsPaginator(r -> r.maxResults(100))) {
            for (Application a : page.applications()) {
                if (DISPLAY_NAME.equals(a.displayName())) {
                    return a;
                }
            }
        }
        return null;
    }

    private String webEndpoint(String appId) {
        List<WebExperience> experiences = qbusiness.listWebExperiences(r -> r.applicationId(appId)).webExperiences();
        return experiences.isEmpty() ? null : experiences.get(0).defaultEndpoint();
    }

    /** An earlier, interrupted run may have left the provider: reuse it then (its ARN is fixed by the issuer). */
    private String oidcProvider(String issuer, String clientId) {
        try {
            return iam.createOpenIDConnectProvider(r -> r.url(issuer).clientIDList(clientId)).openIDConnectProviderArn();
        } catch (EntityAlreadyExistsException e) {
            return "arn:aws:iam::" + accountId + ":oidc-provider/" + issuer.replaceFirst("^https?://", "");
        }
    }

    private String samlProvider(String metadataXml) {
        try {
            return iam.createSAMLProvider(r -> r.name(DemoIdentityProvider.SAML_PROVIDER_NAME)
                    .samlMetadataDocument(metadataXml)).samlProviderArn();
        } catch (EntityAlreadyExistsException e) {
            String arn = DemoIdentityProvider.samlProviderArn(accountId);
            iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(metadataXml));
            return arn;
        }
    }

    private void webExperienceRole(String oidcArn, String issuer, String clientId, String samlArn, String appId) {
        String trust = DemoPolicies.webExperienceTrust(oidcArn, issuer, clientId, samlArn);
        try {
            iam.createRole(r -> r.roleName(DemoIdentityProvider.ROLE_NAME).assumeRolePolicyDocument(trust)
                    .description("Users of the Quire demo web experience"));
        } catch (EntityAlreadyExistsException e) {
            iam.updateAssumeRolePolicy(r -> r.roleName(DemoIdentityProvider.ROLE_NAME).policyDocument(trust));
        }
        iam.putRolePolicy(r -> r.roleName(DemoIdentityProvider.ROLE_NAME).policyName("quire-demo-web-experience")
                .policyDocument(DemoPolicies.webExperiencePermissions(accountId, appId)));
    }

    private void step(String what, String id) {
        out.println("  ✓ " + what + ": " + id);
    }
}

package dev.quire.cli.demo;

import dev.quire.cli.provision.ProvisioningSteps;
import java.io.PrintStream;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.Application;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.WebExperience;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

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
    private final ProvisioningSteps steps;
    private SecretsManagerClient secrets;
    private String clientSecret;

    public DemoProvisioner(IamClient iam, QBusinessClient qbusiness, String accountId, PrintStream out) {
        this.iam = iam;
        this.qbusiness = qbusiness;
        this.accountId = accountId;
        this.out = out;
        this.steps = new ProvisioningSteps(iam, qbusiness, accountId, out);
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
        String appId = steps.application(DISPLAY_NAME,
                "Sample wiki with per-space permissions, created by ./quire demo",
                r -> r.identityType(IdentityType.AWS_IAM_IDP_OIDC).iamIdentityProviderArn(oidcArn)
                        .clientIdsForOIDC(clientId));
        String indexId = steps.indexWithRetriever(appId, DISPLAY_NAME).indexId();
        webExperienceRole(oidcArn, issuer, clientId, samlArn, appId);
        step("web-experience role (seed trust + seed policy)", roleArn);
        ProvisioningSteps.OidcClientSecret signIn = secrets == null ? null
                : steps.oidcClientSecret(secrets, DISPLAY_NAME, clientSecret,
                        "Lets the Quire demo web experience read its OIDC client secret");
        String webId = qbusiness.createWebExperience(r -> {
            r.applicationId(appId).title("Quire demo")
                    .subtitle("Answers only from pages you may read")
                    .welcomeMessage("Hi! Ask about the company wiki: holidays, expenses, VPN, or your project's team page.")
                    .samplePromptsControlMode("ENABLED").roleArn(roleArn);
            if (signIn != null) {
                r.identityProviderConfiguration(signIn.configuration());
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
        steps.role(DemoIdentityProvider.ROLE_NAME, DemoPolicies.webExperienceTrust(oidcArn, issuer, clientId, samlArn),
                "quire-demo-web-experience", DemoPolicies.webExperiencePermissions(accountId, appId),
                "Users of the Quire demo web experience");
    }

    private void step(String what, String id) {
        steps.step(what, id);
    }
}

package dev.quire.cli.admin;

import dev.quire.cli.demo.DemoPolicies;
import dev.quire.cli.provision.ProvisioningSteps;
import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.CreateApplicationRequest;
import software.amazon.awssdk.services.qbusiness.model.IdentityProviderConfiguration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The seed's provisioning sequence, shared by the OIDC and SAML commands: application with
 * auto-subscription, index, native retriever, web-experience role with the seed's permission
 * policy, optionally the secret and secrets role, then the web experience. Prints each id as made.
 */
final class AppProvisioner {

    record Created(String applicationId, String indexId, String retrieverId, String roleArn, String webExperienceId,
                   String webExperienceUrl) {
    }

    private final QBusinessClient qbusiness;
    private final ProvisioningSteps steps;
    private final String accountId;
    private final String name;
    private final PrintStream out;

    AppProvisioner(IamClient iam, QBusinessClient qbusiness, String accountId, String name, PrintStream out) {
        this.qbusiness = qbusiness;
        this.steps = new ProvisioningSteps(iam, qbusiness, accountId, out);
        this.accountId = accountId;
        this.name = name;
        this.out = out;
    }

    /** Creates everything after the IAM provider; {@code signIn} builds the web experience's sign-in (or null). */
    Created create(Consumer<CreateApplicationRequest.Builder> identity, String roleTrust,
                   Function<String, IdentityProviderConfiguration> signIn) {
        String appId = steps.application(name, "Created by quire admin", identity);
        ProvisioningSteps.IndexAndRetriever index = steps.indexWithRetriever(appId, name);
        String roleArn = steps.role(name + "-web-experience-role", roleTrust, "web-experience",
                DemoPolicies.webExperiencePermissions(accountId, appId), "Users of the " + name + " web experience");
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
        return new Created(appId, index.indexId(), index.retrieverId(), roleArn, webId, url);
    }

    /** Amazon Q's way for OIDC web sign-in: the client secret in a secret only a dedicated role may read. */
    IdentityProviderConfiguration oidcSignIn(SecretsManagerClient secrets, String clientSecret) {
        return steps.oidcClientSecret(secrets, name, clientSecret,
                "Lets the " + name + " web experience read its OIDC client secret").configuration();
    }

    void step(String what, String id) {
        steps.step(what, id);
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

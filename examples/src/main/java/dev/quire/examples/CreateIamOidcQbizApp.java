package dev.quire.examples;

import java.io.PrintStream;
import java.security.SecureRandom;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.IdentityProviderConfiguration;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.OpenIDConnectProviderConfiguration;

/**
 * create-iam-oidc-qbiz-app.py in Java: registers the IdP as an IAM OIDC provider, then creates the
 * Q Business application, index, retriever, the web experience and secrets-manager roles, the web
 * experience, and turns auto-subscription on. Environment: oidc-qbiz-app-env.sh.
 */
public final class CreateIamOidcQbizApp {
    /** The variables of oidc-qbiz-app-env.sh. */
    public record Config(String accountId, String region, String secretId, String secretEncryptionKey,
                         String clientId, String issuerUrl) {
        public static Config fromEnv(Env env) {
            return new Config(env.required("AWS_ACCOUNT_ID"), env.required("AWS_DEFAULT_REGION"),
                    env.required("AWS_SECRET_ID"), env.required("AWS_SECRET_ENCRYPTION_KEY"),
                    env.required("IDP_CLIENT_ID"), env.required("IDP_ISSUER_URL"));
        }

        /** The issuer as IAM names it in ARNs and condition keys: without its scheme. */
        public String issuerWithoutScheme() {
            return issuerUrl.replaceFirst("^https?://", "");
        }
    }

    private CreateIamOidcQbizApp() {
    }

    public static void main(String[] args) {
        ProgramExit.run(() -> {
            Config config = Config.fromEnv(Env.system());
            try (IamClient iam = Clients.iam(); QBusinessClient qbusiness = Clients.qbusiness(config.region())) {
                run(config, iam, qbusiness, System.out);
            }
        });
    }

    public static CreatedApp run(Config c, IamClient iam, QBusinessClient qbusiness, PrintStream out) {
        String prefix = prefix(c.issuerUrl(), new SecureRandom().nextInt(10001));
        QbizAppSteps steps = new QbizAppSteps(iam, qbusiness, out);

        String providerArn = QbizAppSteps.step("creating OpenID Connect Provider", () -> iam
                .createOpenIDConnectProvider(r -> r.url(c.issuerUrl()).clientIDList(c.clientId())))
                .openIDConnectProviderArn();
        out.println("OpenID Connect Provider ARN: " + providerArn);

        String applicationId = QbizAppSteps.step("creating QBusiness Application", () -> qbusiness
                .createApplication(r -> r.displayName(prefix).description("OIDC Application " + prefix + " created using API")
                        .roleArn(QbizAppSteps.serviceRoleArn(c.accountId())).identityType(IdentityType.AWS_IAM_IDP_OIDC)
                        .iamIdentityProviderArn(providerArn).clientIdsForOIDC(c.clientId())
                        .clientToken(QbizAppSteps.clientToken()))).applicationId();
        String[] indexAndRetriever = steps.indexAndRetriever(applicationId, prefix);

        out.println(QbizAppSteps.KMS_NOTE);
        String[] web = steps.policyAndRole(prefix, "web-experience", "Web experience", applicationId,
                Policies.webExperiencePermissions(c.region(), c.accountId(), applicationId, c.secretEncryptionKey()),
                Policies.oidcWebExperienceTrust(c.accountId(), c.issuerWithoutScheme(), c.clientId()));
        String[] secrets = steps.policyAndRole(prefix, "secrets-manager", "Secrets manager", applicationId,
                Policies.secretsManagerPermissions(c.region(), c.accountId(), c.secretId(), c.secretEncryptionKey()),
                Policies.secretsManagerTrust(c.region(), c.accountId(), applicationId));

        IdentityProviderConfiguration oidc = IdentityProviderConfiguration.fromOpenIDConnectConfiguration(
                OpenIDConnectProviderConfiguration.builder()
                        .secretsArn(Policies.secretArn(c.region(), c.accountId(), c.secretId()))
                        .secretsRole(secrets[1]).build());
        var experience = steps.webExperience(applicationId, prefix, web[1], oidc);
        steps.enableAutoSubscription(applicationId);
        return new CreatedApp(prefix, providerArn, applicationId, indexAndRetriever[0], indexAndRetriever[1],
                web[0], web[1], secrets[0], secrets[1], experience.webExperienceId(), experience.webExperienceArn());
    }

    /**
     * qbiz-{issuer host}-{n}: the seed strips "https://" and an Okta domain's ".okta.com/…"; any other
     * issuer (Keycloak's "127.0.0.1:18080/realms/quire") is reduced to the characters IAM and
     * Q Business names allow.
     */
    static String prefix(String issuerUrl, int n) {
        String iss = issuerUrl.replaceFirst("^https?://", "").replaceFirst("\\.okta\\.com/.*$", "");
        String safe = iss.replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return "qbiz-" + safe + "-" + n;
    }
}

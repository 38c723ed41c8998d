package dev.quire.examples;

import java.io.PrintStream;
import java.security.SecureRandom;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.IdentityProviderConfiguration;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.SamlProviderConfiguration;

/**
 * create-iam-saml-qbiz-app.py in Java: registers the IdP's metadata as an IAM SAML provider, then
 * creates the application, index, retriever, web experience role and web experience, and turns
 * auto-subscription on. Environment: saml-qbiz-app-env.sh.
 */
public final class CreateIamSamlQbizApp {
    /** The variables of saml-qbiz-app-env.sh. */
    public record Config(String samlMetadataDocument, String idpSsoUrl, String customAcsUrl,
                         String regionalSigninEndpointUrl, String accountId, String region,
                         String secretEncryptionKey) {
        public static Config fromEnv(Env env) {
            return new Config(env.required("SAML_METADATA_DOCUMENT"), env.required("IDP_SSO_URL"),
                    env.required("CUSTOM_ACS_URL"), env.required("REGIONAL_SIGNIN_ENDPOINT_URL"),
                    env.required("AWS_ACCOUNT_ID"), env.required("AWS_DEFAULT_REGION"),
                    env.required("AWS_SECRET_ENCRYPTION_KEY"));
        }
    }

    private CreateIamSamlQbizApp() {
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
        String prefix = "qbiz-saml-" + new SecureRandom().nextInt(10001);
        QbizAppSteps steps = new QbizAppSteps(iam, qbusiness, out);

        String providerArn = QbizAppSteps.step("creating SAML Provider", () -> iam.createSAMLProvider(r -> r
                .samlMetadataDocument(c.samlMetadataDocument()).name(prefix + "-id-provider"))).samlProviderArn();
        out.println("SAML Provider ARN: " + providerArn);

        String applicationId = QbizAppSteps.step("creating QBusiness Application", () -> qbusiness
                .createApplication(r -> r.displayName(prefix).description("SAML Application " + prefix + " created using API")
                        .roleArn(QbizAppSteps.serviceRoleArn(c.accountId())).identityType(IdentityType.AWS_IAM_IDP_SAML)
                        .iamIdentityProviderArn(providerArn).clientToken(QbizAppSteps.clientToken()))).applicationId();
        String[] indexAndRetriever = steps.indexAndRetriever(applicationId, prefix);

        out.println(QbizAppSteps.KMS_NOTE);
        String[] web = steps.policyAndRole(prefix, "web-experience", "Web experience", applicationId,
                Policies.webExperiencePermissions(c.region(), c.accountId(), applicationId, c.secretEncryptionKey()),
                Policies.samlWebExperienceTrust(providerArn, c.regionalSigninEndpointUrl(), c.customAcsUrl()));

        IdentityProviderConfiguration saml = IdentityProviderConfiguration.fromSamlConfiguration(
                SamlProviderConfiguration.builder().authenticationUrl(c.idpSsoUrl()).build());
        var experience = steps.webExperience(applicationId, prefix, web[1], saml);
        steps.enableAutoSubscription(applicationId);
        return new CreatedApp(prefix, providerArn, applicationId, indexAndRetriever[0], indexAndRetriever[1],
                web[0], web[1], null, null, experience.webExperienceId(), experience.webExperienceArn());
    }
}

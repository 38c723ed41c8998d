package dev.quire.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The seed's web-experience policies, for the demo's own application, provider and client. */
public final class DemoPolicies {
    private static final String SEED_APPLICATION = "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String SEED_ACCOUNT = "123456789012";

    private DemoPolicies() {
    }

    /** The seed's permission policy (conversation APIs, GetRetriever, auto-subscription…) on this application. */
    public static String webExperiencePermissions(String accountId, String applicationId) {
        try (InputStream in = DemoPolicies.class.getResourceAsStream("/demo/web-experience-policy.json")) {
            String seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return seed.replace(SEED_APPLICATION, applicationId).replace(SEED_ACCOUNT, accountId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed's OIDC trust (the token's audience must be the demo client; TagSession only with an
     * Email tag) plus the same for the SAML provider, so one role serves both sign-in kinds.
     */
    static String webExperienceTrust(String oidcProviderArn, String issuer, String clientId, String samlProviderArn) {
        String issuerWithoutScheme = issuer.replaceFirst("^https?://", "");
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringEquals":{"%3$s:aud":"%4$s"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%1$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}},
                 {"Effect":"Allow","Principal":{"Federated":"%2$s"},"Action":"sts:AssumeRoleWithSAML",
                  "Condition":{"StringEquals":{"SAML:aud":["https://us-east-1.signin.aws.amazon.com/saml","%5$s"]}}},
                 {"Effect":"Allow","Principal":{"Federated":"%2$s"},"Action":"sts:TagSession",
                  "Condition":{"StringLike":{"aws:RequestTag/Email":"*"}}}
                ]}""".formatted(oidcProviderArn, samlProviderArn, issuerWithoutScheme, clientId,
                DemoIdentityProvider.SAML_ACS);
    }
}

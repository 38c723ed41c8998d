package dev.quire.cli.demo;

import dev.quire.devidp.DevIdp;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The development IdP with the demo's people: Mary, Martha and John in core-team, Mateo outside it,
 * the {@code quire-demo} OIDC client and AWS's SAML service provider. Keys live in
 * {@code <data-dir>/devidp}, and the port is fixed, so the issuer and keys survive restarts and the
 * IAM providers created on the first run stay valid.
 */
public final class DemoIdentityProvider {
    public static final String REALM = "quire";
    public static final String SAML_PROVIDER_NAME = "quire-demo-idp";
    public static final String ROLE_NAME = "quire-demo-web-experience-role";
    public static final String SAML_ACS = "http://localhost:8000/saml";

    private DemoIdentityProvider() {
    }

    public static String roleArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/" + ROLE_NAME;
    }

    public static String samlProviderArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":saml-provider/" + SAML_PROVIDER_NAME;
    }

    /** Starts it on 127.0.0.1:{@code port} and says loudly that it is not for real use. */
    public static DevIdp start(Path dataDir, int port, String accountId, DemoUsers users, DemoSettings settings,
                               PrintStream out) {
        DevIdp.Builder b = DevIdp.builder().realm(REALM).port(port).keyDirectory(dataDir.resolve("devidp"))
                .oidcClient(settings.clientId(), settings.clientSecret(), "http://127.0.0.1/*", "http://localhost/*")
                .samlServiceProvider("urn:amazon:webservices", roleArn(accountId) + "," + samlProviderArn(accountId),
                        SAML_ACS, "https://us-east-1.signin.aws.amazon.com/saml", "http://127.0.0.1/*",
                        "http://localhost/*");
        for (DemoUsers.DemoUser u : users.all()) {
            if (u.coreTeam()) {
                b.user(u.username(), u.password(), u.email(), u.displayName(), DemoUsers.CORE_TEAM);
            } else {
                b.user(u.username(), u.password(), u.email(), u.displayName());
            }
        }
        DevIdp idp;
        try {
            idp = b.build().start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot start the development IdP on port " + port + ": " + e.getMessage()
                    + ". Choose another with --idp-port.", e);
        }
        out.println();
        out.println("!!! DEVELOPMENT IdP at " + idp.issuer() + " — FOR THE DEMO ONLY: throw-away users,");
        out.println("!!! passwords in a text file. Never use it for real people; connect your company's IdP instead.");
        return idp;
    }
}

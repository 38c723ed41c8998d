package dev.quire.examples;

import dev.quire.server.support.RunningQuire;
import dev.quire.server.testkit.KeycloakTestServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;

/** The administrator's and the developer's setup steps shared by the tests (and by docs/walkthrough.md). */
final class ExampleSetup {
    static final String SECRET_ENCRYPTION_KEY = "key/quire-has-no-kms";

    private ExampleSetup() {
    }

    /** The seed's console step (client secret into Secrets Manager), then CreateIamOidcQbizApp against Keycloak. */
    static CreatedApp createOidcApp(QuireFixture quire, KeycloakTestServer keycloak, PrintStream out) {
        String secretId = quire.createClientSecret("QBusiness-keycloak-" + System.nanoTime(),
                KeycloakTestServer.OIDC_CLIENT_SECRET);
        return CreateIamOidcQbizApp.run(oidcCreateConfig(keycloak, secretId), quire.iam, quire.qbusiness, out);
    }

    static CreateIamOidcQbizApp.Config oidcCreateConfig(KeycloakTestServer keycloak, String secretId) {
        return CreateIamOidcQbizApp.Config.fromEnv(new Env(Map.of("AWS_ACCOUNT_ID", QuireFixture.ACCOUNT_ID,
                "AWS_DEFAULT_REGION", QuireFixture.REGION, "AWS_SECRET_ID", secretId,
                "AWS_SECRET_ENCRYPTION_KEY", SECRET_ENCRYPTION_KEY,
                "IDP_CLIENT_ID", KeycloakTestServer.OIDC_CLIENT_ID, "IDP_ISSUER_URL", keycloak.issuerUrl())));
    }

    /** oidcapp-env.sh for an app at {@code base} (http://127.0.0.1:port). */
    static OidcApp.Config oidcAppConfig(KeycloakTestServer keycloak, String base, String roleArn) {
        return OidcApp.Config.fromEnv(new Env(Map.of("OIDC_CLIENT_ID", KeycloakTestServer.OIDC_CLIENT_ID,
                "OIDC_CLIENT_SECRET", KeycloakTestServer.OIDC_CLIENT_SECRET,
                "OIDC_DISCOVERY_URL", keycloak.issuerUrl() + "/.well-known/openid-configuration",
                "OIDC_REDIRECT_URI", base + "/auth/oidc/callback", "LOGOUT_REDIRECT_URI", base + "/login/oidc",
                "OIDC_ROLE_ARN", roleArn)));
    }

    /** A Q Business client with a user's exported session credentials, as SimpleChat builds from the env. */
    static QBusinessClient qbusinessAs(QuireFixture quire, Map<String, String> exported) {
        return QBusinessClient.builder().endpointOverride(quire.quire.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        exported.get("AWS_ACCESS_KEY_ID"), exported.get("AWS_SECRET_ACCESS_KEY"),
                        exported.get("AWS_SESSION_TOKEN"))))
                .httpClientBuilder(ApacheHttpClient.builder()).overrideConfiguration(RunningQuire.noRetries()).build();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

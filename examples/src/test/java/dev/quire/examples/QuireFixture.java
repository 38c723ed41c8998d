package dev.quire.examples;

import dev.quire.server.support.RunningQuire;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/** A Quire on a free port with administrator clients, as the seed's AWS administrator persona has. */
final class QuireFixture implements AutoCloseable {
    static final String ACCOUNT_ID = "123456789012";
    static final String REGION = "us-east-1";

    final RunningQuire quire;
    final IamClient iam;
    final QBusinessClient qbusiness;
    final SecretsManagerClient secrets;

    QuireFixture(Path dataDir) {
        quire = RunningQuire.h2(dataDir);
        iam = quire.iam(quire.rootCredentials());
        qbusiness = quire.qbusiness(quire.rootCredentials());
        // in the seed's region (RunningQuire's own Secrets Manager client is in eu-west-1)
        secrets = SecretsManagerClient.builder().endpointOverride(quire.endpoint()).region(Region.of(REGION))
                .credentialsProvider(quire.rootCredentials()).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(RunningQuire.noRetries()).build();
    }

    /** An STS client that signs nothing: what OidcApp and SamlApp use. */
    StsClient anonymousSts() {
        return quire.sts(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create());
    }

    /** Stores the IdP client secret as the seed's administrator does; returns AWS_SECRET_ID (name-suffix). */
    String createClientSecret(String name, String clientSecret) {
        String arn = secrets.createSecret(r -> r.name(name)
                .secretString("{\"client_secret\":\"" + clientSecret + "\"}")).arn();
        return arn.substring(arn.indexOf(":secret:") + ":secret:".length());
    }

    @Override
    public void close() {
        iam.close();
        qbusiness.close();
        secrets.close();
        quire.close();
    }

    /** Collects what a program prints. */
    static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}

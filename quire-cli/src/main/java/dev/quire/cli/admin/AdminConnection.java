package dev.quire.cli.admin;

import dev.quire.cli.demo.ApiClients;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The options every admin command shares: where Quire is and whose keys sign. Keys come from the
 * standard AWS chain (environment, shared credentials file, ...) or one named profile, exactly as
 * for the AWS CLI, so AWS_SHARED_CREDENTIALS_FILE=quire-data/credentials --profile quire works.
 */
public final class AdminConnection {
    @Option(names = "--endpoint", description = "Quire's URL (default: $AWS_ENDPOINT_URL, else http://127.0.0.1:8080).")
    String endpoint;

    @Option(names = "--profile", description = "A profile of the shared credentials file (default: the standard AWS chain).")
    String profile;

    public URI endpoint() {
        String e = endpoint != null ? endpoint : System.getenv("AWS_ENDPOINT_URL");
        return URI.create(e == null || e.isBlank() ? "http://127.0.0.1:8080" : e);
    }

    public AwsCredentialsProvider credentials() {
        return profile != null ? ProfileCredentialsProvider.create(profile) : DefaultCredentialsProvider.create();
    }

    public IamClient iam() {
        return ApiClients.iam(endpoint(), credentials());
    }

    public QBusinessClient qbusiness() {
        return ApiClients.qbusiness(endpoint(), credentials());
    }

    public SecretsManagerClient secretsManager() {
        return ApiClients.secretsManager(endpoint(), credentials());
    }

    public StsClient sts() {
        return StsClient.builder().endpointOverride(endpoint()).region(ApiClients.REGION)
                .credentialsProvider(credentials()).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** The account of the signing keys: ARNs built before the resources exist need it. */
    public String accountId() {
        try (StsClient sts = sts()) {
            return sts.getCallerIdentity().account();
        }
    }
}

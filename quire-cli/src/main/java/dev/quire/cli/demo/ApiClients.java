package dev.quire.cli.demo;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/** AWS SDK v2 clients pointed at a Quire endpoint: the CLI uses Quire only through its public API. */
public final class ApiClients {
    public static final Region REGION = Region.US_EAST_1;

    private ApiClients() {
    }

    /** IAM is global: its clients sign for aws-global, like the AWS CLI's. */
    public static IamClient iam(URI endpoint, AwsCredentialsProvider credentials) {
        return IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static QBusinessClient qbusiness(URI endpoint, AwsCredentialsProvider credentials) {
        return QBusinessClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static SecretsManagerClient secretsManager(URI endpoint, AwsCredentialsProvider credentials) {
        return SecretsManagerClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** AssumeRoleWithWebIdentity is an unsigned call: no credentials at all. */
    public static StsClient anonymousSts(URI endpoint) {
        return StsClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}

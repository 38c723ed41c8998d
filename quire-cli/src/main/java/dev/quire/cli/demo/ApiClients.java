package dev.quire.cli.demo;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

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

    /** AssumeRoleWithWebIdentity with an ID token, unsigned as the SDKs send it: the session's credentials. */
    public static Credentials assumeRoleWithWebIdentity(URI endpoint, String roleArn, String sessionName, String idToken) {
        try (StsClient sts = anonymousSts(endpoint)) {
            return sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName(sessionName)
                    .webIdentityToken(idToken)).credentials();
        }
    }

    /** STS credentials as the provider a client signs with (key, secret and session token). */
    public static AwsCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
}

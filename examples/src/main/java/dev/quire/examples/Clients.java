package dev.quire.examples;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The clients the programs build for themselves. Nothing here names an endpoint: the SDK reads
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_IAM / … (or ~/.aws/config) on its own, which is how these
 * programs are pointed at Quire instead of AWS. Credentials come from the default chain.
 */
public final class Clients {
    private Clients() {
    }

    /** IAM is a global service: its clients are built for the aws-global region, like boto3's. */
    public static IamClient iam() {
        return IamClient.builder().region(Region.AWS_GLOBAL).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static QBusinessClient qbusiness(String region) {
        return QBusinessClient.builder().region(Region.of(region)).httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static SecretsManagerClient secretsManager(String region) {
        return SecretsManagerClient.builder().region(Region.of(region))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** For AssumeRoleWithWebIdentity / AssumeRoleWithSAML: unsigned calls, so no credentials at all. */
    public static StsClient anonymousSts(String region) {
        return StsClient.builder().region(Region.of(region)).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}

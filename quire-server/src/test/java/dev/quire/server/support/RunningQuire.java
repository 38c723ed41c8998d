package dev.quire.server.support;

import dev.quire.identity.credentials.RootCredentials;
import dev.quire.server.QuireServer;
import dev.quire.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessAsyncClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/** A Quire server on a free loopback port for one test class, with real AWS SDK clients pointed at it. */
public final class RunningQuire implements AutoCloseable {
    public static final RootCredentials ROOT = new RootCredentials("AKIAQUIRETESTROOT001", "quire-test-secret-key-0123456789abcdefghij");

    private final QuireServer server;

    private RunningQuire(QuireServer server) {
        this.server = server;
    }

    /** Embedded H2 under {@code dataDir}, root keys fixed as {@link #ROOT}. */
    public static RunningQuire h2(Path dataDir) {
        return start(dataDir, null, "", "", Optional.of(ROOT));
    }

    /** Embedded H2, root keys fixed, answering with {@code answers}. */
    public static RunningQuire h2(Path dataDir, dev.quire.spi.answer.AnswerGenerator answers) {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dataDir, null, "", "",
                ServerConfig.DEFAULT_ACCOUNT_ID, Optional.of(ROOT), ServerConfig.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
        return new RunningQuire(QuireServer.start(config, answers));
    }

    public static RunningQuire start(Path dataDir, String dbUrl, String dbUser, String dbPassword,
                                     Optional<RootCredentials> root) {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dataDir, dbUrl, dbUser, dbPassword,
                ServerConfig.DEFAULT_ACCOUNT_ID, root, ServerConfig.DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
        return new RunningQuire(QuireServer.start(config));
    }

    public QuireServer server() {
        return server;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public static AwsCredentialsProvider credentials(String keyId, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
    }

    public AwsCredentialsProvider rootCredentials() {
        RootCredentials r = server.rootCredentials();
        return credentials(r.accessKeyId(), r.secretAccessKey());
    }

    /** No retries: a rejected request must fail once, visibly. */
    public static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build();
    }

    public StsClient sts(AwsCredentialsProvider credentials) {
        return StsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(noRetries()).build();
    }

    public IamClient iam(AwsCredentialsProvider credentials) {
        return IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(noRetries()).build();
    }

    public QBusinessClient qbusiness(AwsCredentialsProvider credentials) {
        return QBusinessClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(noRetries()).build();
    }

    /** The async client keeps its default: HTTP/2 with prior knowledge (h2c) over Netty. */
    public QBusinessAsyncClient qbusinessAsync(AwsCredentialsProvider credentials) {
        return QBusinessAsyncClient.builder().endpointOverride(endpoint()).region(Region.US_WEST_2)
                .credentialsProvider(credentials).overrideConfiguration(noRetries()).build();
    }

    public SecretsManagerClient secretsManager(AwsCredentialsProvider credentials) {
        return SecretsManagerClient.builder().endpointOverride(endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(noRetries()).build();
    }

    @Override
    public void close() {
        server.close();
    }
}

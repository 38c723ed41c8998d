package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessAsyncClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ListApplicationsResponse;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The foundation's acceptance: the four services answer the real AWS SDK for Java v2 on one port. */
class FoundationSdkTest {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;

    @BeforeAll
    static void start() {
        quire = RunningQuire.h2(dataDir);
    }

    @AfterAll
    static void stop() {
        quire.close();
    }

    @Test
    void stsGetCallerIdentityWithRootKeysReturnsTheRootArn() {
        try (StsClient sts = quire.sts(quire.rootCredentials())) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo("123456789012");
            assertThat(me.arn()).isEqualTo("arn:aws:iam::123456789012:root");
            assertThat(me.userId()).isEqualTo("123456789012");
        }
    }

    @Test
    void iamListRolesIsEmptyOnAFreshServer() {
        try (IamClient iam = quire.iam(quire.rootCredentials())) {
            var roles = iam.listRoles();
            assertThat(roles.roles()).isEmpty();
            assertThat(roles.isTruncated()).isFalse();
            assertThat(roles.responseMetadata().requestId()).isNotBlank();
        }
    }

    @Test
    void qbusinessListApplicationsOverHttp1() {
        try (QBusinessClient qb = quire.qbusiness(quire.rootCredentials())) {
            ListApplicationsResponse apps = qb.listApplications(r -> r.maxResults(10));
            assertThat(apps.applications()).isEmpty();
            assertThat(apps.nextToken()).isNull();
            assertThat(apps.sdkHttpResponse().firstMatchingHeader("x-amzn-RequestId")).isPresent();
        }
    }

    @Test
    void qbusinessListApplicationsOverH2cWithTheDefaultAsyncClient() throws Exception {
        try (QBusinessAsyncClient qb = quire.qbusinessAsync(quire.rootCredentials())) {
            ListApplicationsResponse apps = qb.listApplications(r -> { }).get();
            assertThat(apps.applications()).isEmpty();
        }
    }

    @Test
    void secretsManagerListSecretsIsEmpty() {
        try (SecretsManagerClient sm = quire.secretsManager(quire.rootCredentials())) {
            assertThat(sm.listSecrets().secretList()).isEmpty();
        }
    }

    @Test
    void everyRequestIsAudited() throws Exception {
        try (StsClient sts = quire.sts(quire.rootCredentials())) {
            String id = sts.getCallerIdentity().responseMetadata().requestId();
            String audit = java.nio.file.Files.readString(quire.server().auditLog());
            assertThat(audit).contains("\"requestId\":\"" + id + "\"")
                    .contains("\"operation\":\"GetCallerIdentity\"")
                    .contains("\"principal\":\"arn:aws:iam::123456789012:root\"");
        }
    }
}

package dev.quire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The programs' own clients find Quire through the SDK's standard endpoint settings alone
 * (aws.endpointUrl is the system-property twin of AWS_ENDPOINT_URL) and the default credentials chain.
 */
class ClientsTest {
    private static final String[] PROPERTIES = {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey"};

    @AfterEach
    void clear() {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
    }

    @Test
    void theStandardEndpointSettingPointsEveryClientAtQuire(@TempDir Path dataDir) {
        try (QuireFixture quire = new QuireFixture(dataDir)) {
            System.setProperty("aws.endpointUrl", quire.quire.endpoint().toString());
            System.setProperty("aws.accessKeyId", dev.quire.server.support.RunningQuire.ROOT.accessKeyId());
            System.setProperty("aws.secretAccessKey", dev.quire.server.support.RunningQuire.ROOT.secretAccessKey());
            quire.createClientSecret("QBusiness-probe", "s");

            try (IamClient iam = Clients.iam(); QBusinessClient qbusiness = Clients.qbusiness(QuireFixture.REGION);
                 SecretsManagerClient secrets = Clients.secretsManager(QuireFixture.REGION)) {
                assertThat(iam.listRoles().roles()).isEmpty();
                assertThat(qbusiness.listApplications(r -> { }).applications()).isEmpty();
                assertThat(secrets.listSecrets(r -> { }).secretList()).extracting(s -> s.name())
                        .containsExactly("QBusiness-probe");
            }
        }
    }
}

package dev.quire.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quire.devidp.DevIdp;
import dev.quire.server.support.RunningQuire;
import dev.quire.store.jdbc.PostgresTestServer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;

/**
 * Two Quire nodes on one PostgreSQL database: a SAML response accepted by one node is refused by
 * the other (the assertion IDs are remembered in the shared store, not per node), while a fresh
 * response for the same user is accepted by either.
 */
class SamlReplayAcrossNodesTest {
    static final String SP = "urn:amazon:webservices";
    static final String ACS = "https://signin.aws.amazon.com/saml";
    static final String PROVIDER_ARN = "arn:aws:iam::123456789012:saml-provider/quire-devidp";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/saml-users";

    @TempDir
    Path nodeADir;
    @TempDir
    Path nodeBDir;

    @Test
    void aResponseAcceptedByOneNodeIsRefusedByTheOther() {
        PostgresTestServer.Database db = PostgresTestServer.newDatabase();
        try (DevIdp idp = DevIdp.builder().user("mary", "mary-password", "mary.major@example.com", "Mary Major")
                .samlServiceProvider(SP, ROLE_ARN + "," + PROVIDER_ARN, ACS).build().start();
             RunningQuire nodeA = RunningQuire.start(nodeADir, db.jdbcUrl(), db.user(), db.password(), Optional.empty());
             RunningQuire nodeB = RunningQuire.start(nodeBDir, db.jdbcUrl(), db.user(), db.password(), Optional.empty())) {
            try (IamClient iam = nodeA.iam(nodeA.rootCredentials())) {
                iam.createSAMLProvider(r -> r.name("quire-devidp").samlMetadataDocument(idp.samlMetadataXml()));
                iam.createRole(r -> r.roleName("saml-users").assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                         "Action":["sts:AssumeRoleWithSAML","sts:TagSession"],
                         "Condition":{"StringEquals":{"SAML:aud":"%s"}}}]}""".formatted(PROVIDER_ARN, ACS)));
            }
            String response = idp.samlResponseFor("mary", SP, ACS);
            try (StsClient stsA = nodeA.sts(AnonymousCredentialsProvider.create());
                 StsClient stsB = nodeB.sts(AnonymousCredentialsProvider.create())) {
                AssumeRoleWithSamlResponse first = assume(stsA, response);
                assertThat(first.assumedRoleUser().arn()).contains("assumed-role/saml-users/");

                AwsServiceException replayed = catchThrowableOfType(AwsServiceException.class, () -> assume(stsB, response));
                assertThat(replayed).as("node B must refuse what node A accepted").isNotNull();
                assertThat(replayed.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
                assertThat(catchThrowableOfType(AwsServiceException.class, () -> assume(stsA, response))).isNotNull();

                assertThat(assume(stsB, idp.samlResponseFor("mary", SP, ACS)).credentials()).isNotNull();
            }
        }
    }

    private static AssumeRoleWithSamlResponse assume(StsClient sts, String samlResponse) {
        return sts.assumeRoleWithSAML(r -> r.roleArn(ROLE_ARN).principalArn(PROVIDER_ARN).samlAssertion(samlResponse));
    }
}

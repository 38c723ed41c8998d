package dev.quire.server;

import static dev.quire.server.IamFixtures.TRUST_POLICY;
import static dev.quire.server.IamFixtures.decoded;
import static dev.quire.server.IamFixtures.permissionPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/** IAM state lives in the store: a restarted server on the same data directory still knows it. */
class IamRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void rolesAndTheirPoliciesSurviveARestart() {
        Role created;
        String policyArn;
        try (RunningQuire first = RunningQuire.h2(dataDir); IamClient iam = first.iam(first.rootCredentials())) {
            created = iam.createRole(r -> r.roleName("Durable").assumeRolePolicyDocument(TRUST_POLICY)).role();
            policyArn = iam.createPolicy(r -> r.policyName("DurablePolicy").policyDocument(permissionPolicy("d"))).policy().arn();
            iam.attachRolePolicy(r -> r.roleName("Durable").policyArn(policyArn));
        }
        try (RunningQuire second = RunningQuire.h2(dataDir); IamClient iam = second.iam(second.rootCredentials())) {
            Role again = iam.getRole(r -> r.roleName("Durable")).role();
            assertThat(again.roleId()).isEqualTo(created.roleId());
            assertThat(again.arn()).isEqualTo(created.arn());
            assertThat(decoded(again.assumeRolePolicyDocument())).isEqualTo(TRUST_POLICY);
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName("Durable")).attachedPolicies())
                    .singleElement().satisfies(p -> assertThat(p.policyArn()).isEqualTo(policyArn));
            assertThat(iam.getPolicy(r -> r.policyArn(policyArn)).policy().attachmentCount()).isEqualTo(1);
        }
    }
}

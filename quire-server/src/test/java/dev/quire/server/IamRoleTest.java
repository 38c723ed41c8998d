package dev.quire.server;

import static dev.quire.server.IamFixtures.TRUST_POLICY;
import static dev.quire.server.IamFixtures.decoded;
import static dev.quire.server.IamFixtures.iamError;
import static dev.quire.server.IamFixtures.permissionPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.server.support.RunningQuire;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Roles and their inline policies through the AWS SDK for Java v2 IamClient. */
class IamRoleTest {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static IamClient iam;

    @BeforeAll
    static void start() {
        quire = RunningQuire.h2(dataDir);
        iam = quire.iam(quire.rootCredentials());
    }

    @AfterAll
    static void stop() {
        iam.close();
        quire.close();
    }

    @Test
    void createdRoleReadsBackWithItsArnIdTagsAndEncodedTrustPolicy() {
        Role created = iam.createRole(r -> r.roleName("Analyst").path("/team/").description("reads reports")
                .maxSessionDuration(7200).assumeRolePolicyDocument(TRUST_POLICY)
                .tags(Tag.builder().key("dept").value("finance").build())).role();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::123456789012:role/team/Analyst");
        assertThat(created.roleId()).matches("AROA[A-Z0-9]{17}");

        Role got = iam.getRole(r -> r.roleName("Analyst")).role();
        assertThat(got.roleId()).isEqualTo(created.roleId());
        assertThat(got.path()).isEqualTo("/team/");
        assertThat(got.description()).isEqualTo("reads reports");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.tags()).containsExactly(Tag.builder().key("dept").value("finance").build());
        assertThat(got.createDate()).isNotNull();
        assertThat(got.assumeRolePolicyDocument()).startsWith("%7B%22Version%22");
        assertThat(decoded(got.assumeRolePolicyDocument())).isEqualTo(TRUST_POLICY);
    }

    @Test
    void defaultsArePathSlashAndOneHourSessions() {
        Role role = iam.createRole(r -> r.roleName("Defaults").assumeRolePolicyDocument(TRUST_POLICY)).role();
        assertThat(role.path()).isEqualTo("/");
        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/Defaults");
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
    }

    @Test
    void roleNamesAreUniqueIgnoringCase() {
        iam.createRole(r -> r.roleName("Unique").assumeRolePolicyDocument(TRUST_POLICY));
        iamError("EntityAlreadyExists", 409, () ->
                iam.createRole(r -> r.roleName("Unique").assumeRolePolicyDocument(TRUST_POLICY)));
        iamError("EntityAlreadyExists", 409, () ->
                iam.createRole(r -> r.roleName("UNIQUE").assumeRolePolicyDocument(TRUST_POLICY)));
    }

    @Test
    void aMissingRoleIsNoSuchEntityWithIamsMessage() {
        var e = iamError("NoSuchEntity", 404, () -> iam.getRole(r -> r.roleName("Nobody")));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The role with name Nobody cannot be found.");
        iamError("NoSuchEntity", 404, () -> iam.deleteRole(r -> r.roleName("Nobody")));
        iamError("NoSuchEntity", 404, () -> iam.updateRole(r -> r.roleName("Nobody").description("x")));
    }

    @Test
    void invalidRoleInputsAreRejected() {
        iamError("InvalidInput", 400, () -> iam.createRole(r -> r.roleName("has space").assumeRolePolicyDocument(TRUST_POLICY)));
        iamError("InvalidInput", 400, () -> iam.createRole(r -> r.roleName("x".repeat(65)).assumeRolePolicyDocument(TRUST_POLICY)));
        iamError("InvalidInput", 400, () -> iam.createRole(r -> r.roleName("ShortSession").maxSessionDuration(3599).assumeRolePolicyDocument(TRUST_POLICY)));
        iamError("InvalidInput", 400, () -> iam.createRole(r -> r.roleName("LongSession").maxSessionDuration(43201).assumeRolePolicyDocument(TRUST_POLICY)));
        iamError("InvalidInput", 400, () -> iam.createRole(r -> r.roleName("BadPath").path("team").assumeRolePolicyDocument(TRUST_POLICY)));
        iamError("InvalidInput", 400, () -> iam.createRole(r -> r.roleName("NoTrust")));
        iamError("InvalidInput", 400, () -> iam.createRole(r -> r.roleName("Bounded").assumeRolePolicyDocument(TRUST_POLICY)
                .permissionsBoundary("arn:aws:iam::123456789012:policy/Boundary")));
        iamError("NoSuchEntity", 404, () -> iam.getRole(r -> r.roleName("ShortSession")));
    }

    @Test
    void malformedTrustPoliciesAreRejected() {
        for (String bad : List.of("not json", "[]", "{\"Statement\":[]}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}",
                "{\"Version\":\"2012-10-17\",\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}")) {
            iamError("MalformedPolicyDocument", 400, () -> iam.createRole(r -> r.roleName("Malformed").assumeRolePolicyDocument(bad)));
        }
        String huge = TRUST_POLICY.replace("sts:AssumeRoleWithWebIdentity", "sts:" + "A".repeat(2100));
        iamError("LimitExceeded", 409, () -> iam.createRole(r -> r.roleName("Malformed").assumeRolePolicyDocument(huge)));
        iamError("NoSuchEntity", 404, () -> iam.getRole(r -> r.roleName("Malformed")));
    }

    @Test
    void updateRoleAndTrustPolicyChangeOnlyWhatIsGiven() {
        iam.createRole(r -> r.roleName("Mutable").description("before").assumeRolePolicyDocument(TRUST_POLICY));
        iam.updateRole(r -> r.roleName("Mutable").maxSessionDuration(43200));
        Role role = iam.getRole(r -> r.roleName("Mutable")).role();
        assertThat(role.maxSessionDuration()).isEqualTo(43200);
        assertThat(role.description()).isEqualTo("before");
        iamError("InvalidInput", 400, () -> iam.updateRole(r -> r.roleName("Mutable").maxSessionDuration(100)));

        String newTrust = TRUST_POLICY.replace("idp.example.com", "other.example.com");
        iam.updateAssumeRolePolicy(r -> r.roleName("Mutable").policyDocument(newTrust));
        assertThat(decoded(iam.getRole(r -> r.roleName("Mutable")).role().assumeRolePolicyDocument())).isEqualTo(newTrust);
        iamError("MalformedPolicyDocument", 400, () -> iam.updateAssumeRolePolicy(r -> r.roleName("Mutable")
                .policyDocument(permissionPolicy("a"))));
    }

    @Test
    void listRolesPagesOneAtATimeAndFiltersByPath() {
        for (String name : List.of("PagedA", "PagedB", "PagedC")) {
            iam.createRole(r -> r.roleName(name).path("/paged/").assumeRolePolicyDocument(TRUST_POLICY));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            ListRolesResponse page = iam.listRoles(r -> r.pathPrefix("/paged/").maxItems(1).marker(m));
            assertThat(page.roles()).hasSize(1);
            page.roles().forEach(role -> seen.add(role.roleName()));
            marker = page.isTruncated() ? page.marker() : null;
            pages++;
        } while (marker != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("PagedA", "PagedB", "PagedC");
        iamError("InvalidInput", 400, () -> iam.listRoles(r -> r.marker("not-a-marker")));
        iamError("InvalidInput", 400, () -> iam.listRoles(r -> r.maxItems(0)));
    }

    @Test
    void inlinePoliciesArePutReadListedAndDeleted() {
        iam.createRole(r -> r.roleName("Inline").assumeRolePolicyDocument(TRUST_POLICY));
        iam.putRolePolicy(r -> r.roleName("Inline").policyName("b-policy").policyDocument(permissionPolicy("b")));
        iam.putRolePolicy(r -> r.roleName("Inline").policyName("a-policy").policyDocument(permissionPolicy("a")));

        var got = iam.getRolePolicy(r -> r.roleName("Inline").policyName("a-policy"));
        assertThat(got.roleName()).isEqualTo("Inline");
        assertThat(decoded(got.policyDocument())).isEqualTo(permissionPolicy("a"));

        var first = iam.listRolePolicies(r -> r.roleName("Inline").maxItems(1));
        assertThat(first.policyNames()).containsExactly("a-policy");
        assertThat(first.isTruncated()).isTrue();
        var second = iam.listRolePolicies(r -> r.roleName("Inline").maxItems(1).marker(first.marker()));
        assertThat(second.policyNames()).containsExactly("b-policy");
        assertThat(second.isTruncated()).isFalse();

        iam.deleteRolePolicy(r -> r.roleName("Inline").policyName("a-policy"));
        var e = iamError("NoSuchEntity", 404, () -> iam.getRolePolicy(r -> r.roleName("Inline").policyName("a-policy")));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The role policy with name a-policy cannot be found.");
        iamError("NoSuchEntity", 404, () -> iam.deleteRolePolicy(r -> r.roleName("Inline").policyName("a-policy")));
        iamError("NoSuchEntity", 404, () -> iam.putRolePolicy(r -> r.roleName("Ghost").policyName("p").policyDocument(permissionPolicy("a"))));
        iamError("MalformedPolicyDocument", 400, () -> iam.putRolePolicy(r -> r.roleName("Inline").policyName("trust")
                .policyDocument(TRUST_POLICY)));
        iamError("InvalidInput", 400, () -> iam.putRolePolicy(r -> r.roleName("Inline").policyName("bad name")
                .policyDocument(permissionPolicy("a"))));
    }

    @Test
    void inlinePoliciesTogetherMayNotExceedTheRoleQuota() {
        iam.createRole(r -> r.roleName("Quota").assumeRolePolicyDocument(TRUST_POLICY));
        String big = permissionPolicy("x".repeat(5500));
        iam.putRolePolicy(r -> r.roleName("Quota").policyName("one").policyDocument(big));
        iamError("LimitExceeded", 409, () -> iam.putRolePolicy(r -> r.roleName("Quota").policyName("two").policyDocument(big)));
        assertThat(iam.listRolePolicies(r -> r.roleName("Quota")).policyNames()).containsExactly("one");
    }

    @Test
    void aRoleWithPoliciesCannotBeDeleted() {
        iam.createRole(r -> r.roleName("Busy").assumeRolePolicyDocument(TRUST_POLICY));
        String policyArn = iam.createPolicy(r -> r.policyName("BusyPolicy").policyDocument(permissionPolicy("a"))).policy().arn();
        iam.attachRolePolicy(r -> r.roleName("Busy").policyArn(policyArn));
        var attached = iamError("DeleteConflict", 409, () -> iam.deleteRole(r -> r.roleName("Busy")));
        assertThat(attached.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must detach all policies first.");
        iam.detachRolePolicy(r -> r.roleName("Busy").policyArn(policyArn));

        iam.putRolePolicy(r -> r.roleName("Busy").policyName("inline").policyDocument(permissionPolicy("a")));
        var inline = iamError("DeleteConflict", 409, () -> iam.deleteRole(r -> r.roleName("Busy")));
        assertThat(inline.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must delete policies first.");
        iam.deleteRolePolicy(r -> r.roleName("Busy").policyName("inline"));

        iam.deleteRole(r -> r.roleName("Busy"));
        iamError("NoSuchEntity", 404, () -> iam.getRole(r -> r.roleName("Busy")));
        assertThat(iam.getPolicy(r -> r.policyArn(policyArn)).policy().attachmentCount()).isZero();
    }
}

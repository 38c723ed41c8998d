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
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/** Customer managed policies, their versions and role attachments through the AWS SDK for Java v2. */
class IamPolicyTest {
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

    private static String createPolicy(String name, String path) {
        return iam.createPolicy(r -> r.policyName(name).path(path).policyDocument(permissionPolicy(name))).policy().arn();
    }

    @Test
    void createdPolicyHasVersionOneAndReadsBack() {
        Policy created = iam.createPolicy(r -> r.policyName("Reader").path("/apps/").description("read apps")
                .policyDocument(permissionPolicy("app1")).tags(Tag.builder().key("k").value("v").build())).policy();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::123456789012:policy/apps/Reader");
        assertThat(created.policyId()).matches("ANPA[A-Z0-9]{17}");
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(created.isAttachable()).isTrue();

        Policy got = iam.getPolicy(r -> r.policyArn(created.arn())).policy();
        assertThat(got.policyId()).isEqualTo(created.policyId());
        assertThat(got.description()).isEqualTo("read apps");
        assertThat(got.tags()).containsExactly(Tag.builder().key("k").value("v").build());

        PolicyVersion v1 = iam.getPolicyVersion(r -> r.policyArn(created.arn()).versionId("v1")).policyVersion();
        assertThat(v1.isDefaultVersion()).isTrue();
        assertThat(v1.createDate()).isNotNull();
        assertThat(decoded(v1.document())).isEqualTo(permissionPolicy("app1"));
        iamError("NoSuchEntity", 404, () -> iam.getPolicyVersion(r -> r.policyArn(created.arn()).versionId("v9")));
    }

    @Test
    void duplicatesMissingAndMalformedPoliciesAreRejected() {
        createPolicy("Dup", "/");
        iamError("EntityAlreadyExists", 409, () -> createPolicy("Dup", "/other/"));
        iamError("EntityAlreadyExists", 409, () -> createPolicy("DUP", "/"));
        var e = iamError("NoSuchEntity", 404, () -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::123456789012:policy/Nope")));
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Policy arn:aws:iam::123456789012:policy/Nope does not exist or is not attachable.");
        // Same name under another path, another account, an AWS managed ARN: none resolves.
        iamError("NoSuchEntity", 404, () -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::123456789012:policy/x/Dup")));
        iamError("NoSuchEntity", 404, () -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::999999999999:policy/Dup")));
        iamError("NoSuchEntity", 404, () -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")));
        iamError("MalformedPolicyDocument", 400, () -> iam.createPolicy(r -> r.policyName("Bad").policyDocument(TRUST_POLICY)));
        iamError("MalformedPolicyDocument", 400, () -> iam.createPolicy(r -> r.policyName("Bad").policyDocument("{")));
        iamError("LimitExceeded", 409, () -> iam.createPolicy(r -> r.policyName("Bad").policyDocument(permissionPolicy("x".repeat(6200)))));
        iamError("InvalidInput", 400, () -> iam.createPolicy(r -> r.policyName("Bad/Name").policyDocument(permissionPolicy("a"))));
    }

    @Test
    void listPoliciesPagesAndHonoursScopeAndOnlyAttached() {
        for (String name : List.of("ListA", "ListB", "ListC")) {
            createPolicy(name, "/listed/");
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListPoliciesResponse page = iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/listed/").maxItems(1).marker(m));
            assertThat(page.policies()).hasSize(1);
            page.policies().forEach(p -> seen.add(p.policyName()));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertThat(seen).containsExactly("ListA", "ListB", "ListC");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies()).isEmpty();

        iam.createRole(r -> r.roleName("Lister").assumeRolePolicyDocument(TRUST_POLICY));
        String arnB = "arn:aws:iam::123456789012:policy/listed/ListB";
        iam.attachRolePolicy(r -> r.roleName("Lister").policyArn(arnB));
        assertThat(iam.listPolicies(r -> r.onlyAttached(true).pathPrefix("/listed/")).policies())
                .extracting(Policy::policyName).containsExactly("ListB");
    }

    @Test
    void attachmentsKeepAttachmentCountAndListInPages() {
        iam.createRole(r -> r.roleName("Holder").assumeRolePolicyDocument(TRUST_POLICY));
        List<String> arns = List.of(createPolicy("AttA", "/"), createPolicy("AttB", "/att/"), createPolicy("AttC", "/"));
        arns.forEach(arn -> iam.attachRolePolicy(r -> r.roleName("Holder").policyArn(arn)));
        iam.attachRolePolicy(r -> r.roleName("Holder").policyArn(arns.get(0)));
        assertThat(iam.getPolicy(r -> r.policyArn(arns.get(0))).policy().attachmentCount()).isEqualTo(1);

        List<AttachedPolicy> seen = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            ListAttachedRolePoliciesResponse page = iam.listAttachedRolePolicies(r -> r.roleName("Holder").maxItems(1).marker(m));
            assertThat(page.attachedPolicies()).hasSize(1);
            seen.addAll(page.attachedPolicies());
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        assertThat(seen).extracting(AttachedPolicy::policyArn).containsExactlyInAnyOrderElementsOf(arns);
        assertThat(seen).extracting(AttachedPolicy::policyName).containsExactlyInAnyOrder("AttA", "AttB", "AttC");
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("Holder").pathPrefix("/att/")).attachedPolicies())
                .extracting(AttachedPolicy::policyName).containsExactly("AttB");

        iam.detachRolePolicy(r -> r.roleName("Holder").policyArn(arns.get(0)));
        assertThat(iam.getPolicy(r -> r.policyArn(arns.get(0))).policy().attachmentCount()).isZero();
        iamError("NoSuchEntity", 404, () -> iam.detachRolePolicy(r -> r.roleName("Holder").policyArn(arns.get(0))));
        iamError("NoSuchEntity", 404, () -> iam.attachRolePolicy(r -> r.roleName("Nobody").policyArn(arns.get(0))));
        iamError("NoSuchEntity", 404, () -> iam.attachRolePolicy(r -> r.roleName("Holder")
                .policyArn("arn:aws:iam::123456789012:policy/Missing")));
        iamError("NoSuchEntity", 404, () -> iam.listAttachedRolePolicies(r -> r.roleName("Nobody")));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("Holder")).attachedPolicies()).hasSize(2);
    }

    @Test
    void anAttachedPolicyCannotBeDeleted() {
        iam.createRole(r -> r.roleName("Keeper").assumeRolePolicyDocument(TRUST_POLICY));
        String arn = createPolicy("Kept", "/");
        iam.attachRolePolicy(r -> r.roleName("Keeper").policyArn(arn));
        var e = iamError("DeleteConflict", 409, () -> iam.deletePolicy(r -> r.policyArn(arn)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete a policy attached to entities.");
        iam.detachRolePolicy(r -> r.roleName("Keeper").policyArn(arn));
        iam.deletePolicy(r -> r.policyArn(arn));
        iamError("NoSuchEntity", 404, () -> iam.getPolicy(r -> r.policyArn(arn)));
        iamError("NoSuchEntity", 404, () -> iam.deletePolicy(r -> r.policyArn(arn)));
    }

    @Test
    void policyVersionsChangeTheDefaultAndBlockDeletion() {
        String arn = createPolicy("Versioned", "/");
        PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(permissionPolicy("two")).setAsDefault(true)).policyVersion();
        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isTrue();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v2");
        assertThat(iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v1")).policyVersion().isDefaultVersion()).isFalse();
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                .containsExactlyInAnyOrder("v1", "v2");

        iamError("DeleteConflict", 409, () -> iam.deletePolicy(r -> r.policyArn(arn)));
        iamError("DeleteConflict", 409, () -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2")));
        for (int i = 3; i <= 5; i++) {
            iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(permissionPolicy("more")));
        }
        iamError("LimitExceeded", 409, () -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(permissionPolicy("six"))));
        iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v1"));
        for (String v : List.of("v2", "v3", "v4", "v5")) {
            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(v));
        }
        // Ids are never reused: the next version after v5 is v6 even though v2..v5 are gone.
        assertThat(iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(permissionPolicy("six"))).policyVersion().versionId())
                .isEqualTo("v6");
        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v6"));
        iam.deletePolicy(r -> r.policyArn(arn));
    }
}

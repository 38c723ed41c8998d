package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static dev.quire.server.qbusiness.ControlPlane.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.ApplicationStatus;
import software.amazon.awssdk.services.qbusiness.model.AttachmentsControlMode;
import software.amazon.awssdk.services.qbusiness.model.AutoSubscriptionStatus;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.GetApplicationResponse;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.ListApplicationsResponse;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.SubscriptionType;

/** CreateApplication … DeleteApplication through the AWS SDK. */
class ApplicationsAreaSdkTest {
    @TempDir
    static Path dataDir;
    static ControlPlane cp;

    @BeforeAll
    static void start() {
        cp = ControlPlane.h2(dataDir);
    }

    @AfterAll
    static void stop() {
        cp.close();
    }

    @Test
    void oidcApplicationIsActiveWithItsArnAndEveryConfiguration() {
        String provider = cp.oidcProvider();
        var created = cp.qb.createApplication(r -> r.displayName("hr-assistant").description("HR answers")
                .identityType(IdentityType.AWS_IAM_IDP_OIDC).iamIdentityProviderArn(provider)
                .clientIdsForOIDC("quire-web").roleArn("arn:aws:iam::123456789012:role/qb")
                .encryptionConfiguration(e -> e.kmsKeyId("key-1"))
                .attachmentsConfiguration(a -> a.attachmentsControlMode(AttachmentsControlMode.ENABLED))
                .qAppsConfiguration(q -> q.qAppsControlMode("DISABLED"))
                .personalizationConfiguration(p -> p.personalizationControlMode("ENABLED")));
        assertThat(created.applicationArn())
                .isEqualTo("arn:aws:qbusiness:us-east-1:123456789012:application/" + created.applicationId());

        GetApplicationResponse app = cp.qb.getApplication(r -> r.applicationId(created.applicationId()));
        assertThat(app.status()).isEqualTo(ApplicationStatus.ACTIVE);
        assertThat(app.displayName()).isEqualTo("hr-assistant");
        assertThat(app.description()).isEqualTo("HR answers");
        assertThat(app.identityType()).isEqualTo(IdentityType.AWS_IAM_IDP_OIDC);
        assertThat(app.iamIdentityProviderArn()).isEqualTo(provider);
        assertThat(app.clientIdsForOIDC()).containsExactly("quire-web");
        assertThat(app.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/qb");
        assertThat(app.encryptionConfiguration().kmsKeyId()).isEqualTo("key-1");
        assertThat(app.attachmentsConfiguration().attachmentsControlMode()).isEqualTo(AttachmentsControlMode.ENABLED);
        assertThat(app.qAppsConfiguration().qAppsControlModeAsString()).isEqualTo("DISABLED");
        assertThat(app.personalizationConfiguration().personalizationControlModeAsString()).isEqualTo("ENABLED");
        assertThat(app.autoSubscriptionConfiguration().autoSubscribe()).isEqualTo(AutoSubscriptionStatus.DISABLED);
        assertThat(app.createdAt()).isNotNull();
        assertThat(app.updatedAt()).isNotNull();
    }

    @Test
    void samlApplicationNeedsAnExistingSamlProvider() {
        String saml = cp.samlProvider();
        String id = cp.qb.createApplication(r -> r.displayName("saml-app").identityType(IdentityType.AWS_IAM_IDP_SAML)
                .iamIdentityProviderArn(saml)).applicationId();
        assertThat(cp.qb.getApplication(r -> r.applicationId(id)).iamIdentityProviderArn()).isEqualTo(saml);

        assertInvalid("iamIdentityProviderArn", () -> cp.qb.createApplication(r -> r.displayName("x")
                .identityType(IdentityType.AWS_IAM_IDP_SAML)
                .iamIdentityProviderArn("arn:aws:iam::123456789012:saml-provider/missing")));
        assertInvalid("iamIdentityProviderArn", () -> cp.qb.createApplication(r -> r.displayName("x")
                .identityType(IdentityType.AWS_IAM_IDP_SAML)));
    }

    @Test
    void identityTypeMustMatchTheProviderKindAndOidcNeedsClientIds() {
        String oidc = cp.oidcProvider();
        String saml = cp.samlProvider();
        var e = assertInvalid("iamIdentityProviderArn", () -> cp.qb.createApplication(r -> r.displayName("x")
                .identityType(IdentityType.AWS_IAM_IDP_OIDC).iamIdentityProviderArn(saml).clientIdsForOIDC("c")));
        assertThat(e.getMessage()).contains("SAML provider");
        assertInvalid("iamIdentityProviderArn", () -> cp.qb.createApplication(r -> r.displayName("x")
                .identityType(IdentityType.AWS_IAM_IDP_SAML).iamIdentityProviderArn(oidc)));
        assertInvalid("clientIdsForOIDC", () -> cp.qb.createApplication(r -> r.displayName("x")
                .identityType(IdentityType.AWS_IAM_IDP_OIDC).iamIdentityProviderArn(oidc)));
        assertInvalid("clientIdsForOIDC", () -> cp.qb.createApplication(r -> r.displayName("x")
                .identityType(IdentityType.AWS_IAM_IDP_SAML).iamIdentityProviderArn(saml).clientIdsForOIDC("c")));
        assertInvalid("iamIdentityProviderArn", () -> cp.qb.createApplication(r -> r.displayName("x")
                .identityType(IdentityType.ANONYMOUS).iamIdentityProviderArn(saml)));
    }

    @Test
    void identityCenterIsRefusedWithAClearMessage() {
        var e = assertInvalid("identityType", () -> cp.qb.createApplication(r -> r.displayName("idc")
                .identityType(IdentityType.AWS_IAM_IDC)
                .identityCenterInstanceArn("arn:aws:sso:::instance/ssoins-1234567890abcdef")));
        assertThat(e.getMessage()).contains("Identity Center").contains("isn't available in Quire");
        assertInvalid("identityType", () -> cp.qb.createApplication(r -> r.displayName("default-idc")));
        String id = cp.anonymousApp("update-idc");
        assertInvalid("identityCenterInstanceArn", () -> cp.qb.updateApplication(r -> r.applicationId(id)
                .identityCenterInstanceArn("arn:aws:sso:::instance/ssoins-1234567890abcdef")));
    }

    @Test
    void displayNameIsRequiredAndBounded() {
        assertInvalid("displayName", () -> cp.qb.createApplication(r -> r.identityType(IdentityType.ANONYMOUS)));
        assertInvalid("displayName", () -> cp.qb.createApplication(r -> r.displayName("a".repeat(1001))
                .identityType(IdentityType.ANONYMOUS)));
        assertInvalid("displayName", () -> cp.qb.createApplication(r -> r.displayName("has space")
                .identityType(IdentityType.ANONYMOUS)));
        assertInvalid("attachmentsConfiguration.attachmentsControlMode", () -> cp.qb.createApplication(r -> r
                .displayName("x").identityType(IdentityType.ANONYMOUS)
                .attachmentsConfiguration(a -> a.attachmentsControlMode("MAYBE"))));
        assertThat(cp.anonymousApp("a".repeat(1000))).isNotBlank();
    }

    @Test
    void sameClientTokenReturnsTheSameApplicationAndADifferentRequestConflicts() {
        String token = UUID.randomUUID().toString();
        String first = cp.qb.createApplication(r -> r.displayName("idem").identityType(IdentityType.ANONYMOUS)
                .clientToken(token)).applicationId();
        String again = cp.qb.createApplication(r -> r.displayName("idem").identityType(IdentityType.ANONYMOUS)
                .clientToken(token)).applicationId();
        assertThat(again).isEqualTo(first);

        ConflictException e = assertFails(ConflictException.class, 409, () -> cp.qb.createApplication(r -> r
                .displayName("other").identityType(IdentityType.ANONYMOUS).clientToken(token)));
        assertThat(e.resourceId()).isEqualTo(first);
        assertThat(e.resourceType()).isEqualTo("APPLICATION");
    }

    @Test
    void listingPagesThroughEveryApplicationOneAtATime() {
        for (int i = 0; i < 3; i++) {
            cp.anonymousApp("paged-" + i);
        }
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListApplicationsResponse page = cp.qb.listApplications(r -> r.maxResults(1).nextToken(next));
            assertThat(page.applications()).hasSizeLessThanOrEqualTo(1);
            page.applications().forEach(a -> seen.add(a.applicationId()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        int total = cp.qb.listApplications(r -> r.maxResults(100)).applications().size();
        assertThat(seen).hasSize(total);
        assertThat(pages).isEqualTo(total);
        assertInvalid("maxResults", () -> cp.qb.listApplications(r -> r.maxResults(101)));
        assertInvalid("nextToken", () -> cp.qb.listApplications(r -> r.nextToken("forged")));
    }

    @Test
    void updateChangesOnlyWhatItIsGiven() {
        String id = cp.anonymousApp("before");
        cp.qb.updateApplication(r -> r.applicationId(id).displayName("after")
                .autoSubscriptionConfiguration(a -> a.autoSubscribe(AutoSubscriptionStatus.ENABLED)
                        .defaultSubscriptionType(SubscriptionType.Q_BUSINESS))
                .attachmentsConfiguration(a -> a.attachmentsControlMode(AttachmentsControlMode.ENABLED)));
        GetApplicationResponse app = cp.qb.getApplication(r -> r.applicationId(id));
        assertThat(app.displayName()).isEqualTo("after");
        assertThat(app.identityType()).isEqualTo(IdentityType.ANONYMOUS);
        assertThat(app.autoSubscriptionConfiguration().autoSubscribe()).isEqualTo(AutoSubscriptionStatus.ENABLED);
        assertThat(app.autoSubscriptionConfiguration().defaultSubscriptionType()).isEqualTo(SubscriptionType.Q_BUSINESS);
        assertThat(app.attachmentsConfiguration().attachmentsControlMode()).isEqualTo(AttachmentsControlMode.ENABLED);
        assertInvalid("autoSubscriptionConfiguration.defaultSubscriptionType", () -> cp.qb.updateApplication(r -> r
                .applicationId(id).autoSubscriptionConfiguration(a -> a.autoSubscribe("ENABLED")
                        .defaultSubscriptionType("Q_PLATINUM"))));
    }

    @Test
    void unknownApplicationsAreNotFound() {
        String missing = UUID.randomUUID().toString();
        ResourceNotFoundException e = assertFails(ResourceNotFoundException.class, 404,
                () -> cp.qb.getApplication(r -> r.applicationId(missing)));
        assertThat(e.resourceId()).isEqualTo(missing);
        assertThat(e.resourceType()).isEqualTo("APPLICATION");
        assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.updateApplication(r -> r.applicationId(missing)
                .displayName("x")));
        assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.deleteApplication(r -> r.applicationId(missing)));
    }

    @Test
    void deletedApplicationIsGone() {
        String id = cp.anonymousApp("doomed");
        cp.qb.deleteApplication(r -> r.applicationId(id));
        assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.getApplication(r -> r.applicationId(id)));
        assertThat(cp.qb.listApplications(r -> r.maxResults(100)).applications())
                .noneMatch(a -> a.applicationId().equals(id));
    }
}

package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.store.jdbc.PostgresTestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.qbusiness.model.Tag;
import software.amazon.awssdk.services.qbusiness.model.WebExperienceStatus;

/** The control plane's key flows on PostgreSQL: create, page, replay, tag, configure, cascade-delete. */
class ControlPlanePostgresTest {
    @TempDir
    Path dataDir;

    @Test
    void keyFlowOnPostgres() {
        PostgresTestServer.Database db = PostgresTestServer.newDatabase();
        try (ControlPlane cp = ControlPlane.postgres(dataDir, db.jdbcUrl(), db.user(), db.password())) {
            String provider = cp.oidcProvider();
            String token = UUID.randomUUID().toString();
            var app = cp.qb.createApplication(r -> r.displayName("pg-app").identityType(IdentityType.AWS_IAM_IDP_OIDC)
                    .iamIdentityProviderArn(provider).clientIdsForOIDC("web").clientToken(token)
                    .tags(Tag.builder().key("env").value("pg").build()));
            assertThat(cp.qb.createApplication(r -> r.displayName("pg-app").identityType(IdentityType.AWS_IAM_IDP_OIDC)
                    .iamIdentityProviderArn(provider).clientIdsForOIDC("web").clientToken(token)
                    .tags(Tag.builder().key("env").value("pg").build())).applicationId())
                    .isEqualTo(app.applicationId());
            assertFails(ConflictException.class, 409, () -> cp.qb.createApplication(r -> r.displayName("other")
                    .identityType(IdentityType.ANONYMOUS).clientToken(token)));
            cp.anonymousApp("pg-second");

            List<String> seen = new ArrayList<>();
            String next = null;
            do {
                String t = next;
                var page = cp.qb.listApplications(r -> r.maxResults(1).nextToken(t));
                page.applications().forEach(a -> seen.add(a.applicationId()));
                next = page.nextToken();
            } while (next != null);
            assertThat(seen).hasSize(2).contains(app.applicationId());

            String id = app.applicationId();
            assertFails(ServiceQuotaExceededException.class, 402, () -> cp.qb.createIndex(r -> r.applicationId(id)
                    .displayName("huge").capacityConfiguration(c -> c.units(51))));
            CascadeDelete.fill(cp, id);
            assertThat(cp.qb.listTagsForResource(r -> r.resourceARN(app.applicationArn())).tags())
                    .extracting(Tag::key).containsExactly("env", "k");
            String web = cp.qb.listWebExperiences(r -> r.applicationId(id)).webExperiences().get(0).webExperienceId();
            assertThat(cp.qb.getWebExperience(r -> r.applicationId(id).webExperienceId(web)).status())
                    .isEqualTo(WebExperienceStatus.PENDING_AUTH_CONFIG);

            cp.qb.deleteApplication(r -> r.applicationId(id));
            CascadeDelete.assertNothingLeft(cp, id);
            assertThat(cp.qb.listApplications(r -> r.maxResults(10)).applications()).hasSize(1);
        }
    }
}

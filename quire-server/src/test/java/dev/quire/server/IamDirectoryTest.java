package dev.quire.server;

import static dev.quire.server.IamFixtures.TRUST_POLICY;
import static dev.quire.server.IamFixtures.certificateBase64;
import static dev.quire.server.IamFixtures.permissionPolicy;
import static dev.quire.server.IamFixtures.samlMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.identity.iam.BasicPolicyDocumentValidator;
import dev.quire.identity.iam.IamDirectory;
import dev.quire.identity.iam.IamRole;
import dev.quire.identity.iam.IamService;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read API STS and authorization use: exact-ARN lookups and the role's effective documents. */
class IamDirectoryTest {
    @TempDir
    static Path dataDir;
    static JdbcMetadataStore store;
    static IamService iam;
    static IamDirectory directory;

    @BeforeAll
    static void open() {
        store = JdbcMetadataStore.openEmbedded(dataDir);
        iam = new IamService(store, "123456789012", new BasicPolicyDocumentValidator(), Clock.systemUTC());
        directory = iam.directory();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void rolesResolveOnlyByTheirExactArn() {
        IamRole role = iam.roles().create("Pathed", "/a/", TRUST_POLICY, null, null, null, List.of());
        assertThat(directory.roleByArn("arn:aws:iam::123456789012:role/a/Pathed")).contains(role);
        assertThat(directory.roleByArn("arn:aws:iam::123456789012:role/Pathed")).isEmpty();
        assertThat(directory.roleByArn("arn:aws:iam::123456789012:role/b/Pathed")).isEmpty();
        assertThat(directory.roleByArn("arn:aws:iam::999999999999:role/a/Pathed")).isEmpty();
        assertThat(directory.roleByArn("arn:aws:iam::123456789012:role/a/pathed")).isEmpty();
        assertThat(directory.roleByArn(null)).isEmpty();
        assertThat(directory.roleByName("pathed")).contains(role);
        assertThat(directory.roleByName("Nobody")).isEmpty();
    }

    @Test
    void permissionDocumentsAreInlineThenDefaultVersionsOfAttachedPolicies() {
        IamRole role = iam.roles().create("Worker", null, TRUST_POLICY, null, null, null, List.of());
        assertThat(directory.permissionPolicyDocuments(role)).isEmpty();
        iam.rolePolicies().putInline("Worker", "inline", permissionPolicy("inline"));
        String arn = iam.policies().create("Managed", null, permissionPolicy("v1"), null, List.of()).arn();
        iam.rolePolicies().attach("Worker", arn);
        assertThat(directory.permissionPolicyDocuments(role))
                .containsExactly(permissionPolicy("inline"), permissionPolicy("v1"));

        iam.policies().createVersion(arn, permissionPolicy("v2"), false);
        assertThat(directory.permissionPolicyDocuments(role)).containsExactly(permissionPolicy("inline"), permissionPolicy("v1"));
        iam.policies().setDefaultVersion(arn, "v2");
        assertThat(directory.permissionPolicyDocuments(role)).containsExactly(permissionPolicy("inline"), permissionPolicy("v2"));

        iam.rolePolicies().detach("Worker", arn);
        iam.rolePolicies().deleteInline("Worker", "inline");
        assertThat(directory.permissionPolicyDocuments(role)).isEmpty();
    }

    @Test
    void aDeletedAndRecreatedRoleDoesNotInheritTheOldRolesPolicies() {
        IamRole old = iam.roles().create("Reborn", null, TRUST_POLICY, null, null, null, List.of());
        iam.roles().delete("Reborn");
        iam.roles().create("Reborn", null, TRUST_POLICY, null, null, null, List.of());
        iam.rolePolicies().putInline("Reborn", "p", permissionPolicy("new"));
        assertThat(directory.permissionPolicyDocuments(old)).isEmpty();
    }

    @Test
    void oidcProvidersMatchTheIssuerIncludingItsScheme() {
        var https = iam.oidcProviders().create("https://issuer.example.com/tenant", List.of("c"), null, List.of());
        assertThat(directory.oidcProviderByUrl("https://issuer.example.com/tenant")).contains(https);
        assertThat(directory.oidcProviderByUrl("https://issuer.example.com/tenant/")).contains(https);
        assertThat(directory.oidcProviderByUrl("http://issuer.example.com/tenant")).isEmpty();
        assertThat(directory.oidcProviderByUrl("https://issuer.example.com/tenant//")).isEmpty();
        assertThat(directory.oidcProviderByUrl("https://issuer.example.com")).isEmpty();
        assertThat(directory.oidcProviderByUrl("issuer.example.com/tenant")).isEmpty();
        assertThat(directory.oidcProviderByArn(https.arn())).contains(https);
        assertThat(directory.oidcProviderByArn("arn:aws:iam::999999999999:oidc-provider/issuer.example.com/tenant")).isEmpty();

        var local = iam.oidcProviders().create("http://127.0.0.1:7777/", List.of(), null, List.of());
        assertThat(local.url()).isEqualTo("http://127.0.0.1:7777");
        assertThat(directory.oidcProviderByUrl("http://127.0.0.1:7777")).contains(local);
        assertThat(directory.oidcProviderByUrl("https://127.0.0.1:7777")).isEmpty();
    }

    @Test
    void samlProvidersResolveByExactArn() {
        var saml = iam.samlProviders().create("Idp", samlMetadata("https://idp", "signing", certificateBase64(), null), List.of());
        assertThat(directory.samlProviderByArn("arn:aws:iam::123456789012:saml-provider/Idp")).contains(saml);
        assertThat(directory.samlProviderByArn("arn:aws:iam::123456789012:saml-provider/idp")).isEmpty();
        assertThat(directory.samlProviderByArn("arn:aws:iam::999999999999:saml-provider/Idp")).isEmpty();
        assertThat(saml.validUntil()).isNull();
    }
}

package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quire.server.IamFixtures;
import dev.quire.server.support.RunningQuire;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.QBusinessException;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/**
 * A Quire server plus a second handle on its metadata store (the same embedded H2 database, or
 * the same PostgreSQL database), so tests can check what is left after a delete. Everything a
 * test needs (IAM providers, applications, indexes) is created through the real APIs.
 */
final class ControlPlane implements AutoCloseable {
    final RunningQuire quire;
    final QBusinessClient qb;
    final IamClient iam;
    final MetadataStore store;

    private ControlPlane(RunningQuire quire, MetadataStore store) {
        this.quire = quire;
        this.qb = quire.qbusiness(quire.rootCredentials());
        this.iam = quire.iam(quire.rootCredentials());
        this.store = store;
    }

    static ControlPlane h2(Path dataDir) {
        RunningQuire quire = RunningQuire.h2(dataDir);
        return new ControlPlane(quire, JdbcMetadataStore.openEmbedded(dataDir.resolve("")));
    }

    static ControlPlane postgres(Path dataDir, String url, String user, String password) {
        RunningQuire quire = RunningQuire.start(dataDir, url, user, password, Optional.of(RunningQuire.ROOT));
        return new ControlPlane(quire, JdbcMetadataStore.open(url, user, password));
    }

    /** Registers an OIDC provider through IAM, as an administrator would, and returns its ARN. */
    String oidcProvider() {
        String url = "https://idp-" + UUID.randomUUID() + ".example.com";
        return iam.createOpenIDConnectProvider(r -> r.url(url).clientIDList("web")).openIDConnectProviderArn();
    }

    /** Registers a SAML provider through IAM (metadata signed by the committed test certificate). */
    String samlProvider() {
        String metadata = IamFixtures.samlMetadata("https://idp.example.com/saml", "signing",
                IamFixtures.certificateBase64(), null);
        return iam.createSAMLProvider(r -> r.name("idp-" + UUID.randomUUID()).samlMetadataDocument(metadata))
                .samlProviderArn();
    }

    String anonymousApp(String name) {
        return qb.createApplication(r -> r.displayName(name).identityType(IdentityType.ANONYMOUS)).applicationId();
    }

    String index(String applicationId) {
        return qb.createIndex(r -> r.applicationId(applicationId).displayName("idx")).indexId();
    }

    /** The call fails with a ValidationException that names {@code field}. */
    static ValidationException assertInvalid(String field, ThrowingCallable call) {
        ValidationException e = catchThrowableOfType(call, ValidationException.class);
        assertThat(e).as("expected a ValidationException naming " + field).isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.fields()).extracting(f -> f.name()).contains(field);
        return e;
    }

    static <T extends QBusinessException> T assertFails(Class<T> type, int status, ThrowingCallable call) {
        T e = catchThrowableOfType(call, type);
        assertThat(e).as("expected " + type.getSimpleName()).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        return e;
    }

    @Override
    public void close() {
        qb.close();
        iam.close();
        store.close();
        quire.close();
    }
}

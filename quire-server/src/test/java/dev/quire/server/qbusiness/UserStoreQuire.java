package dev.quire.server.qbusiness;

import dev.quire.server.support.RunningQuire;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;

/**
 * A running Quire plus a second handle on its metadata store (read by tests that call the
 * domain services directly). The application, index and data sources the user-store tests need
 * are created through the Q Business API, as a caller would.
 */
final class UserStoreQuire implements AutoCloseable {
    final RunningQuire quire;
    final MetadataStore store;
    final QBusinessClient qb;

    private UserStoreQuire(RunningQuire quire, MetadataStore store) {
        this.quire = quire;
        this.store = store;
        this.qb = quire.qbusiness(quire.rootCredentials());
    }

    /** An in-memory H2 database shared, within this JVM, by the server and the test. */
    static UserStoreQuire h2(Path dataDir) {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return start(dataDir, url, "sa", "");
    }

    static UserStoreQuire start(Path dataDir, String url, String user, String password) {
        RunningQuire quire = RunningQuire.start(dataDir, url, user, password, Optional.of(RunningQuire.ROOT));
        return new UserStoreQuire(quire, JdbcMetadataStore.open(url, user, password));
    }

    /** An ANONYMOUS application, created through CreateApplication. */
    String application() {
        return qb.createApplication(r -> r.displayName("users-" + UUID.randomUUID())
                .identityType(IdentityType.ANONYMOUS)).applicationId();
    }

    /** An index with the default capacity, created through CreateIndex. */
    String index(String app) {
        return qb.createIndex(r -> r.applicationId(app).displayName("users")).indexId();
    }

    /** A CUSTOM data source, created through CreateDataSource. */
    String dataSource(String app, String index) {
        return qb.createDataSource(r -> r.applicationId(app).indexId(index).displayName("users")
                .configuration(DataSourcesSdkContract.config("CUSTOM"))).dataSourceId();
    }

    @Override
    public void close() {
        qb.close();
        store.close();
        quire.close();
    }
}

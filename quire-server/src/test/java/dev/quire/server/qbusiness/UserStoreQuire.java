package dev.quire.server.qbusiness;

import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.users.DataSourceRefs;
import dev.quire.server.support.RunningQuire;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;

/**
 * A running Quire plus a second handle on its metadata store, used only to record the
 * application, index and data sources the user-store tests need (their own areas create them;
 * the user store only checks that they exist).
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

    String application() {
        String app = UUID.randomUUID().toString();
        store.insert(Applications.KIND, app, "", "{\"applicationId\":\"" + app + "\",\"status\":\"ACTIVE\"}");
        return app;
    }

    String index(String app) {
        String index = UUID.randomUUID().toString();
        store.insert(ResourceGuard.INDEX_KIND, index, Scopes.application(app), "{}");
        return index;
    }

    String dataSource(String app, String index) {
        String ds = UUID.randomUUID().toString();
        store.insert(DataSourceRefs.KIND, ds, Scopes.index(app, index), "{}");
        return ds;
    }

    @Override
    public void close() {
        qb.close();
        store.close();
        quire.close();
    }
}

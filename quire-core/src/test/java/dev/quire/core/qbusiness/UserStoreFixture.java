package dev.quire.core.qbusiness;

import dev.quire.core.qbusiness.users.DataSourceRefs;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.util.UUID;

/**
 * A fresh in-memory H2 metadata store with an application, an index and data sources, recorded
 * the way their own areas store them (only their existence and scope matter to the user store).
 */
public final class UserStoreFixture implements AutoCloseable {
    public final MetadataStore store;
    public final String app = UUID.randomUUID().toString();
    public final String index = UUID.randomUUID().toString();
    public final String ds1 = UUID.randomUUID().toString();
    public final String ds2 = UUID.randomUUID().toString();

    public UserStoreFixture() {
        store = JdbcMetadataStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        store.insert(Applications.KIND, app, "", "{\"applicationId\":\"" + app + "\",\"status\":\"ACTIVE\"}");
        addIndex(index);
        store.insert(DataSourceRefs.KIND, ds1, Scopes.index(app, index), "{}");
        store.insert(DataSourceRefs.KIND, ds2, Scopes.index(app, index), "{}");
    }

    public String addIndex(String indexId) {
        store.insert(ResourceGuard.INDEX_KIND, indexId, Scopes.application(app), "{}");
        return indexId;
    }

    @Override
    public void close() {
        store.close();
    }
}

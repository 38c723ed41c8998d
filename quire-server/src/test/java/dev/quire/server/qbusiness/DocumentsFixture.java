package dev.quire.server.qbusiness;

import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Applications and indexes are another area's work and not on this branch, so tests write their
 * records straight into the store (the layout of dev.quire.core.qbusiness.Scopes).
 */
final class DocumentsFixture {
    static final String APP = "a0000000-0000-0000-0000-000000000001";
    static final String INDEX = "i0000000-0000-0000-0000-000000000001";

    private DocumentsFixture() {
    }

    static void seed(MetadataStore store, String appId, String indexId) {
        String now = String.valueOf(Instant.now().getEpochSecond());
        store.insert(ResourceGuard.APPLICATION_KIND, appId, "", "{\"applicationId\":\"" + appId
                + "\",\"displayName\":\"docs\",\"status\":\"ACTIVE\",\"createdAt\":" + now + ",\"updatedAt\":" + now + "}");
        store.insert(ResourceGuard.INDEX_KIND, indexId, Scopes.application(appId), "{\"indexId\":\"" + indexId
                + "\",\"status\":\"ACTIVE\"}");
    }

    /** Seeds the embedded H2 store of {@code dataDir} before a server opens it. */
    static void seedEmbedded(Path dataDir) {
        try (JdbcMetadataStore store = JdbcMetadataStore.openEmbedded(dataDir)) {
            seed(store, APP, INDEX);
        }
    }
}

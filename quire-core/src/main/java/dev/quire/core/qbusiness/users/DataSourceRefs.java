package dev.quire.core.qbusiness.users;

import dev.quire.core.qbusiness.Scopes;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;

/**
 * Checks that a data source named by a user alias or a group belongs to the application (and
 * index). Data sources are stored by their own area (kind {@value #KIND}, scope
 * {@code app/<app>/index/<index>}); this only reads them.
 */
public final class DataSourceRefs {
    public static final String KIND = "qbusiness-data-source";

    private final MetadataStore store;

    public DataSourceRefs(MetadataStore store) {
        this.store = store;
    }

    /** The data source must exist in {@code indexId}, or in any index of the application when indexId is null. */
    public void require(String applicationId, String indexId, String dataSourceId) {
        boolean found = store.get(KIND, dataSourceId)
                .filter(ds -> indexId != null
                        ? ds.scope().equals(Scopes.index(applicationId, indexId))
                        : ds.scope().startsWith(Scopes.application(applicationId) + "/index/"))
                .isPresent();
        if (!found) {
            throw ApiError.notFound("DATA_SOURCE", dataSourceId, "The data source " + dataSourceId
                    + " doesn't exist in " + (indexId != null ? "index " + indexId : "application " + applicationId) + ".");
        }
    }
}

package dev.quire.core.qbusiness;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;

/** Existence checks every qbusiness operation starts with, with AWS's ResourceNotFound shape. */
public final class ResourceGuard {
    public static final String APPLICATION_KIND = Applications.KIND;
    public static final String INDEX_KIND = "qbusiness-index";

    private final MetadataStore store;

    public ResourceGuard(MetadataStore store) {
        this.store = store;
    }

    public StoredEntity requireApplication(String applicationId) {
        return store.get(APPLICATION_KIND, applicationId).orElseThrow(() -> ApiError.notFound("APPLICATION",
                applicationId, "The application " + applicationId + " doesn't exist."));
    }

    /** The index, which must belong to the application. */
    public StoredEntity requireIndex(String applicationId, String indexId) {
        requireApplication(applicationId);
        return store.get(INDEX_KIND, indexId)
                .filter(e -> e.scope().equals(Scopes.application(applicationId)))
                .orElseThrow(() -> ApiError.notFound("INDEX", indexId,
                        "The index " + indexId + " doesn't exist in application " + applicationId + "."));
    }
}

package dev.quire.core.qbusiness;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;

/** Existence checks every qbusiness operation starts with, with AWS's ResourceNotFound shape. */
public final class ResourceGuard {
    public static final String APPLICATION_KIND = Applications.KIND;
    public static final String INDEX_KIND = "qbusiness-index";
    public static final String RETRIEVER_KIND = "qbusiness-retriever";
    public static final String WEB_EXPERIENCE_KIND = "qbusiness-web-experience";
    public static final String CHAT_CONTROLS_KIND = "qbusiness-chat-controls";
    /** Written by the data-source area (scope app/&lt;app&gt;/index/&lt;index&gt;). */
    public static final String DATA_SOURCE_KIND = "qbusiness-data-source";
    /** Written by the plugin area (assumed scope app/&lt;app&gt;). */
    public static final String PLUGIN_KIND = "qbusiness-plugin";
    /** Written by the documents area (scope app/&lt;app&gt;/index/&lt;index&gt;). */
    public static final String DOCUMENT_KIND = "qbusiness-document";

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

    public StoredEntity requireRetriever(String applicationId, String retrieverId) {
        requireApplication(applicationId);
        return requireIn(RETRIEVER_KIND, retrieverId, Scopes.application(applicationId), "RETRIEVER",
                "The retriever " + retrieverId + " doesn't exist in application " + applicationId + ".");
    }

    public StoredEntity requireWebExperience(String applicationId, String webExperienceId) {
        requireApplication(applicationId);
        return requireIn(WEB_EXPERIENCE_KIND, webExperienceId, Scopes.application(applicationId), "WEB_EXPERIENCE",
                "The web experience " + webExperienceId + " doesn't exist in application " + applicationId + ".");
    }

    public StoredEntity requireDataSource(String applicationId, String indexId, String dataSourceId) {
        requireIndex(applicationId, indexId);
        return requireIn(DATA_SOURCE_KIND, dataSourceId, Scopes.index(applicationId, indexId), "DATA_SOURCE",
                "The data source " + dataSourceId + " doesn't exist in index " + indexId + ".");
    }

    public StoredEntity requirePlugin(String applicationId, String pluginId) {
        requireApplication(applicationId);
        return requireIn(PLUGIN_KIND, pluginId, Scopes.application(applicationId), "PLUGIN",
                "The plugin " + pluginId + " doesn't exist in application " + applicationId + ".");
    }

    private StoredEntity requireIn(String kind, String id, String scope, String type, String message) {
        return store.get(kind, id).filter(e -> e.scope().equals(scope))
                .orElseThrow(() -> ApiError.notFound(type, id, message));
    }
}

package dev.quire.core.qbusiness.webexperience;

import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ClientTokens;
import dev.quire.core.qbusiness.Pagination;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.core.qbusiness.tags.QBusinessArn;
import dev.quire.core.qbusiness.tags.ResourceTags;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.util.Optional;
import java.util.UUID;

/** Web experiences (kind {@value ResourceGuard#WEB_EXPERIENCE_KIND}, scope {@code app/<app>}). */
public final class WebExperiences {
    private final MetadataStore store;
    private final String publicEndpoint;
    private final ResourceGuard guard;
    private final ClientTokens tokens;
    private final ResourceTags tags;

    /** @param publicEndpoint the server's base URL, e.g. {@code http://127.0.0.1:8080} (no trailing slash) */
    public WebExperiences(MetadataStore store, String publicEndpoint) {
        this.store = store;
        this.publicEndpoint = publicEndpoint.endsWith("/")
                ? publicEndpoint.substring(0, publicEndpoint.length() - 1) : publicEndpoint;
        this.guard = new ResourceGuard(store);
        this.tokens = new ClientTokens(store);
        this.tags = new ResourceTags(store);
    }

    public WebExperience create(String applicationId, WebExperience.Create request, String clientToken) {
        return store.inTransaction(() -> {
            Application app = Applications.parse(guard.requireApplication(applicationId));
            Optional<String> earlier = tokens.replay("CreateWebExperience", applicationId, clientToken, request,
                    "WEB_EXPERIENCE", id -> exists(applicationId, id));
            if (earlier.isPresent()) {
                return get(applicationId, earlier.get());
            }
            String id = UUID.randomUUID().toString();
            String arn = QBusinessArn.webExperience(app.applicationArn(), id);
            WebExperience experience = new WebExperience(applicationId, id, arn, request.settings(), null, null,
                    null, null);
            StoredEntity stored = store.insert(ResourceGuard.WEB_EXPERIENCE_KIND, id,
                    Scopes.application(applicationId), StoredJson.write(experience));
            tags.putAtCreate(arn, Scopes.application(applicationId), request.tags());
            tokens.remember("CreateWebExperience", applicationId, clientToken, request, id,
                    Scopes.application(applicationId));
            return view(stored, app);
        });
    }

    public WebExperience get(String applicationId, String webExperienceId) {
        Application app = Applications.parse(guard.requireApplication(applicationId));
        return view(guard.requireWebExperience(applicationId, webExperienceId), app);
    }

    /** ListWebExperiences: maxResults 1–100. */
    public Page<WebExperience> list(String applicationId, String nextToken, Integer maxResults) {
        Application app = Applications.parse(guard.requireApplication(applicationId));
        return Pagination.page(store, ResourceGuard.WEB_EXPERIENCE_KIND, Scopes.application(applicationId),
                nextToken, maxResults, 100, e -> view(e, app));
    }

    public void update(String applicationId, String webExperienceId, WebExperienceSettings changes) {
        store.inTransaction(() -> {
            StoredEntity current = guard.requireWebExperience(applicationId, webExperienceId);
            WebExperience experience = StoredJson.read(current, WebExperience.class);
            store.update(ResourceGuard.WEB_EXPERIENCE_KIND, webExperienceId,
                    StoredJson.write(experience.with(changes)), current.version());
            return null;
        });
    }

    public void delete(String applicationId, String webExperienceId) {
        store.inTransaction(() -> {
            WebExperience experience = get(applicationId, webExperienceId);
            store.delete(ResourceGuard.WEB_EXPERIENCE_KIND, webExperienceId);
            tags.delete(experience.webExperienceArn());
            return null;
        });
    }

    private WebExperience view(StoredEntity entity, Application app) {
        WebExperience stored = StoredJson.read(entity, WebExperience.class);
        boolean configured = app.anonymous() || stored.settings().identityProvider() != null;
        return stored.derived(configured ? "ACTIVE" : "PENDING_AUTH_CONFIG",
                publicEndpoint + "/web/" + stored.webExperienceId() + "/", entity.createdAt(), entity.updatedAt());
    }

    private boolean exists(String applicationId, String webExperienceId) {
        return store.get(ResourceGuard.WEB_EXPERIENCE_KIND, webExperienceId)
                .filter(e -> e.scope().equals(Scopes.application(applicationId))).isPresent();
    }
}

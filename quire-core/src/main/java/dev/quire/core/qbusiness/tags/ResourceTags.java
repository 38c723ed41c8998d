package dev.quire.core.qbusiness.tags;

import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tags of every taggable qbusiness resource. Each resource's tags are one record (kind
 * {@value #KIND}, id = the ARN after the account, e.g. {@code application/<a>/retriever/<r>})
 * stored in the resource's own scope, so a cascading delete of the application or index takes
 * them along. Resources stored directly in {@code app/<a>} (retrievers, web experiences,
 * plugins) call {@link #delete} when they are deleted.
 */
public final class ResourceTags {
    public static final String KIND = "qbusiness-tags";
    /** AWS allows 50 user tags per resource. */
    public static final int MAX_TAGS = 50;

    private final MetadataStore store;
    private final ResourceGuard guard;

    public ResourceTags(MetadataStore store) {
        this.store = store;
        this.guard = new ResourceGuard(store);
    }

    record Stored(String resourceArn, List<Tag> tags) {
    }

    /** Tags given when the resource is created (call inside the creating transaction). */
    public void putAtCreate(String resourceArn, String scope, List<Tag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        QBusinessArn arn = QBusinessArn.parse(resourceArn).orElseThrow();
        store.insert(KIND, arn.resourcePath(), scope, StoredJson.write(new Stored(resourceArn, merged(List.of(), tags))));
    }

    /** ListTagsForResource. */
    public List<Tag> list(String resourceArn) {
        QBusinessArn arn = locate(resourceArn);
        return store.get(KIND, arn.resourcePath()).map(e -> StoredJson.read(e, Stored.class).tags()).orElse(List.of());
    }

    /** TagResource: adds the tags, replacing the value of keys already present. */
    public void tag(String resourceArn, List<Tag> tags) {
        store.inTransaction(() -> {
            QBusinessArn arn = locate(resourceArn);
            Optional<StoredEntity> current = store.get(KIND, arn.resourcePath());
            List<Tag> before = current.map(e -> StoredJson.read(e, Stored.class).tags()).orElse(List.of());
            write(arn, resourceArn, current, merged(before, tags));
            return null;
        });
    }

    /** UntagResource: removes the keys; absent keys are ignored, as AWS does. */
    public void untag(String resourceArn, List<String> keys) {
        store.inTransaction(() -> {
            QBusinessArn arn = locate(resourceArn);
            Optional<StoredEntity> current = store.get(KIND, arn.resourcePath());
            if (current.isPresent()) {
                List<Tag> kept = new ArrayList<>(StoredJson.read(current.get(), Stored.class).tags());
                kept.removeIf(t -> keys.contains(t.key()));
                write(arn, resourceArn, current, kept);
            }
            return null;
        });
    }

    /** Removes the tags of a deleted resource (no-op when it had none). */
    public void delete(String resourceArn) {
        QBusinessArn.parse(resourceArn).ifPresent(arn -> store.delete(KIND, arn.resourcePath()));
    }

    private void write(QBusinessArn arn, String resourceArn, Optional<StoredEntity> current, List<Tag> tags) {
        String json = StoredJson.write(new Stored(resourceArn, tags));
        if (current.isPresent()) {
            store.update(KIND, arn.resourcePath(), json, current.get().version());
        } else {
            store.insert(KIND, arn.resourcePath(), scopeOf(arn), json);
        }
    }

    private static List<Tag> merged(List<Tag> before, List<Tag> added) {
        Map<String, String> byKey = new LinkedHashMap<>();
        before.forEach(t -> byKey.put(t.key(), t.value()));
        added.forEach(t -> byKey.put(t.key(), t.value()));
        if (byKey.size() > MAX_TAGS) {
            throw ApiError.invalidField("tags", "A resource can have at most " + MAX_TAGS + " tags.");
        }
        return byKey.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }

    private static String scopeOf(QBusinessArn arn) {
        return switch (arn.resourceType()) {
            case "INDEX", "DATA_SOURCE" -> Scopes.index(arn.applicationId(), arn.indexId());
            default -> Scopes.application(arn.applicationId());
        };
    }

    /** Parses the ARN and checks that the resource exists, in the region and account of its application. */
    private QBusinessArn locate(String resourceArn) {
        QBusinessArn arn = QBusinessArn.parse(resourceArn).orElseThrow(() -> ApiError.invalidField("resourceARN",
                "resourceARN must be an Amazon Q Business application, index, data source, retriever, "
                        + "web experience or plugin ARN."));
        Application app = Applications.parse(guard.requireApplication(arn.applicationId()));
        if (!app.applicationArn().equals(QBusinessArn.application(arn.region(), arn.accountId(), arn.applicationId()))) {
            throw ApiError.notFound("APPLICATION", arn.applicationId(), "The application " + arn.applicationId()
                    + " doesn't exist in region " + arn.region() + " of account " + arn.accountId() + ".");
        }
        switch (arn.resourceType()) {
            case "INDEX" -> guard.requireIndex(arn.applicationId(), arn.indexId());
            case "DATA_SOURCE" -> guard.requireDataSource(arn.applicationId(), arn.indexId(), arn.resourceId());
            case "RETRIEVER" -> guard.requireRetriever(arn.applicationId(), arn.resourceId());
            case "WEB_EXPERIENCE" -> guard.requireWebExperience(arn.applicationId(), arn.resourceId());
            case "PLUGIN" -> guard.requirePlugin(arn.applicationId(), arn.resourceId());
            default -> { }
        }
        return arn;
    }
}

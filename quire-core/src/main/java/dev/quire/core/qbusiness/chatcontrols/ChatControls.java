package dev.quire.core.qbusiness.chatcontrols;

import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chat controls, one record per application (kind {@value ResourceGuard#CHAT_CONTROLS_KIND},
 * id = application id, scope {@code app/<app>}), so deleting the application removes them.
 */
public final class ChatControls {
    /** Amazon Q Business: at most 20 blocked phrases and 10 topic controls per application. */
    public static final int MAX_BLOCKED_PHRASES = 20;
    public static final int MAX_TOPICS = 10;

    private final MetadataStore store;
    private final ResourceGuard guard;

    public ChatControls(MetadataStore store) {
        this.store = store;
        this.guard = new ResourceGuard(store);
    }

    /** The controls chat must apply for the application ({@link ChatControlsConfiguration#DEFAULTS} if never set). */
    public ChatControlsConfiguration get(String applicationId) {
        guard.requireApplication(applicationId);
        return stored(applicationId).map(e -> StoredJson.read(e, ChatControlsConfiguration.class))
                .orElse(ChatControlsConfiguration.DEFAULTS);
    }

    public void update(String applicationId, ChatControlsUpdate u) {
        store.inTransaction(() -> {
            guard.requireApplication(applicationId);
            Optional<StoredEntity> current = stored(applicationId);
            ChatControlsConfiguration c = current.map(e -> StoredJson.read(e, ChatControlsConfiguration.class))
                    .orElse(ChatControlsConfiguration.DEFAULTS);
            String json = StoredJson.write(apply(c, u));
            if (current.isPresent()) {
                store.update(ResourceGuard.CHAT_CONTROLS_KIND, applicationId, json, current.get().version());
            } else {
                store.insert(ResourceGuard.CHAT_CONTROLS_KIND, applicationId, Scopes.application(applicationId), json);
            }
            return null;
        });
    }

    /** DeleteChatControlsConfiguration: back to {@link ChatControlsConfiguration#DEFAULTS}. */
    public void reset(String applicationId) {
        store.inTransaction(() -> {
            guard.requireApplication(applicationId);
            store.delete(ResourceGuard.CHAT_CONTROLS_KIND, applicationId);
            return null;
        });
    }

    static ChatControlsConfiguration apply(ChatControlsConfiguration c, ChatControlsUpdate u) {
        Set<String> phrases = new LinkedHashSet<>(c.blockedPhrases());
        phrases.removeAll(u.blockedPhrasesToDelete());
        phrases.addAll(u.blockedPhrasesToCreateOrUpdate());
        if (phrases.size() > MAX_BLOCKED_PHRASES) {
            throw ApiError.invalidField("blockedPhrasesConfigurationUpdate.blockedPhrasesToCreateOrUpdate",
                    "An application can block at most " + MAX_BLOCKED_PHRASES + " phrases.");
        }
        Map<String, TopicConfiguration> topics = new LinkedHashMap<>();
        c.topicConfigurations().forEach(t -> topics.put(t.name(), t));
        u.topicNamesToDelete().forEach(topics::remove);
        u.topicConfigurationsToCreateOrUpdate().forEach(t -> topics.put(t.name(), t));
        if (topics.size() > MAX_TOPICS) {
            throw ApiError.invalidField("topicConfigurationsToCreateOrUpdate",
                    "An application can have at most " + MAX_TOPICS + " topic configurations.");
        }
        return new ChatControlsConfiguration(or(u.responseScope(), c.responseScope()), new ArrayList<>(phrases),
                or(u.blockedPhrasesSystemMessageOverride(), c.blockedPhrasesSystemMessageOverride()),
                new ArrayList<>(topics.values()), or(u.creatorModeControl(), c.creatorModeControl()),
                or(u.orchestrationControl(), c.orchestrationControl()),
                or(u.hallucinationReductionControl(), c.hallucinationReductionControl()));
    }

    /** One page of topic configurations for GetChatControlsConfiguration (maxResults 1–100). */
    public List<TopicConfiguration> topicPage(ChatControlsConfiguration c, int offset, int limit) {
        List<TopicConfiguration> all = c.topicConfigurations();
        return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    }

    private Optional<StoredEntity> stored(String applicationId) {
        return store.get(ResourceGuard.CHAT_CONTROLS_KIND, applicationId);
    }

    private static String or(String changed, String current) {
        return changed != null ? changed : current;
    }
}

package dev.quire.core.qbusiness.chatcontrols;

import java.util.List;

/** An UpdateChatControlsConfiguration (PATCH) request: null members leave the setting as it is. */
public record ChatControlsUpdate(String responseScope, List<String> blockedPhrasesToCreateOrUpdate,
                                 List<String> blockedPhrasesToDelete, String blockedPhrasesSystemMessageOverride,
                                 List<TopicConfiguration> topicConfigurationsToCreateOrUpdate,
                                 List<String> topicNamesToDelete, String creatorModeControl,
                                 String orchestrationControl, String hallucinationReductionControl) {
    public ChatControlsUpdate {
        blockedPhrasesToCreateOrUpdate = orEmpty(blockedPhrasesToCreateOrUpdate);
        blockedPhrasesToDelete = orEmpty(blockedPhrasesToDelete);
        topicConfigurationsToCreateOrUpdate = orEmpty(topicConfigurationsToCreateOrUpdate);
        topicNamesToDelete = orEmpty(topicNamesToDelete);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

package dev.quire.core.qbusiness.chatcontrols;

import java.util.List;

/**
 * An application's chat controls, as chat enforces them. An application that never set them
 * gets {@link #DEFAULTS}: answers from enterprise content only, no blocked phrases, no topics,
 * creator mode and orchestration disabled.
 */
public record ChatControlsConfiguration(String responseScope, List<String> blockedPhrases,
                                        String blockedPhrasesSystemMessageOverride,
                                        List<TopicConfiguration> topicConfigurations, String creatorModeControl,
                                        String orchestrationControl, String hallucinationReductionControl) {
    public static final ChatControlsConfiguration DEFAULTS = new ChatControlsConfiguration(
            "ENTERPRISE_CONTENT_ONLY", List.of(), null, List.of(), "DISABLED", "DISABLED", null);

    public ChatControlsConfiguration {
        blockedPhrases = blockedPhrases == null ? List.of() : List.copyOf(blockedPhrases);
        topicConfigurations = topicConfigurations == null ? List.of() : List.copyOf(topicConfigurations);
    }
}

package dev.quire.core.chat;

import java.util.List;

/** The ChatSync response. */
public record ChatOutput(String conversationId, String systemMessage, String systemMessageId, String userMessageId,
                         List<SourceAttribution> sourceAttributions, List<AttachmentOutput> failedAttachments) {
    public ChatOutput {
        sourceAttributions = List.copyOf(sourceAttributions);
        failedAttachments = List.copyOf(failedAttachments);
    }
}

package dev.quire.core.chat;

import java.time.Instant;
import java.util.List;

/**
 * A stored message of a conversation.
 *
 * @param type USER or SYSTEM
 * @param seq  its position in the conversation, from 0
 */
public record ChatMessage(String messageId, String conversationId, String type, String body, Instant time, int seq,
                          List<SourceAttribution> sourceAttributions, List<AttachmentOutput> attachments) {
    public ChatMessage {
        sourceAttributions = sourceAttributions == null ? List.of() : List.copyOf(sourceAttributions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean fromUser() {
        return "USER".equals(type);
    }
}

package dev.quire.core.chat;

import dev.quire.spi.search.AttributeFilter;
import java.util.List;

/**
 * A ChatSync request as the chat service takes it (the wire layer has checked types and lengths).
 *
 * @param chatMode        RETRIEVAL_MODE, CREATOR_MODE, PLUGIN_MODE, or null for RETRIEVAL_MODE
 * @param attributeFilter null for none
 * @param clientToken     idempotency token, or null
 */
public record ChatInput(String userMessage, String conversationId, String parentMessageId, String chatMode,
                        AttributeFilter attributeFilter, List<AttachmentInput> attachments, String clientToken) {
    public ChatInput {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static ChatInput ask(String userMessage) {
        return new ChatInput(userMessage, null, null, null, null, List.of(), null);
    }

    public ChatInput followUp(String conversation, String parent) {
        return new ChatInput(userMessage, conversation, parent, chatMode, attributeFilter, attachments, clientToken);
    }
}

package dev.quire.core.chat;

import java.time.Instant;

/**
 * A conversation as stored: its owner (the lower-cased chat user id) and its title (the first
 * user message, shortened). {@code messageCount} grows with each turn; updating it with the
 * record's version serializes concurrent turns of one conversation.
 */
public record ConversationRecord(String conversationId, String applicationId, String owner, String title,
                                 Instant startTime, int messageCount) {
    ConversationRecord withMessages(int count) {
        return new ConversationRecord(conversationId, applicationId, owner, title, startTime, count);
    }
}

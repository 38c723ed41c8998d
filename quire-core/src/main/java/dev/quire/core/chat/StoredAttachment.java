package dev.quire.core.chat;

import java.time.Instant;

/**
 * An attachment's extracted text, kept in its conversation's scope only: it is never indexed,
 * so no other conversation and no other user can retrieve it.
 */
public record StoredAttachment(String attachmentId, String conversationId, String name, String text,
                               Instant createdAt) {
}

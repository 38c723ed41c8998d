package dev.quire.core.chat;

import java.time.Instant;

/**
 * PutFeedback on one message: the usefulness verdict (USEFUL | NOT_USEFUL with an optional
 * reason and comment) and/or when the message was copied.
 */
public record MessageFeedback(String messageId, String usefulness, String reason, String comment,
                              Instant submittedAt, Instant messageCopiedAt) {
}

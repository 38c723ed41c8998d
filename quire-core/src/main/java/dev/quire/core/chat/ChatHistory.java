package dev.quire.core.chat;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * ListConversations, ListMessages, DeleteConversation and PutFeedback — each on the caller's own
 * conversations only. Another user's conversation answers exactly as a missing one does.
 */
public final class ChatHistory {
    public static final int MAX_RESULTS = 100;
    static final Set<String> USEFULNESS = Set.of("USEFUL", "NOT_USEFUL");
    static final Set<String> REASONS = Set.of("NOT_FACTUALLY_CORRECT", "HARMFUL_OR_UNSAFE",
            "INCORRECT_OR_MISSING_SOURCES", "NOT_HELPFUL", "FACTUALLY_CORRECT", "COMPLETE", "RELEVANT_SOURCES",
            "HELPFUL", "NOT_BASED_ON_DOCUMENTS", "NOT_COMPLETE", "NOT_CONCISE", "OTHER");

    private final MetadataStore store;
    private final Conversations conversations;

    public ChatHistory(MetadataStore store) {
        this.store = store;
        this.conversations = new Conversations(store);
    }

    /** The caller's conversations, newest first. */
    public Page<ConversationRecord> listConversations(Caller caller, String applicationId, String userId,
                                                      String nextToken, Integer maxResults) {
        ChatSubject s = ChatSubject.of(store, caller, applicationId, userId);
        return page(conversations.ofOwner(applicationId, s.user().id()), nextToken, maxResults);
    }

    /** The messages of the caller's conversation, oldest first. */
    public Page<ChatMessage> listMessages(Caller caller, String applicationId, String userId, String conversationId,
                                          String nextToken, Integer maxResults) {
        ChatSubject s = ChatSubject.of(store, caller, applicationId, userId);
        conversations.owned(applicationId, s.user().id(), conversationId);
        return page(conversations.messages(applicationId, conversationId), nextToken, maxResults);
    }

    public void deleteConversation(Caller caller, String applicationId, String userId, String conversationId) {
        ChatSubject s = ChatSubject.of(store, caller, applicationId, userId);
        conversations.delete(applicationId, conversations.owned(applicationId, s.user().id(), conversationId));
    }

    /**
     * @param usefulness null when the call carries no messageUsefulness (only messageCopiedAt)
     */
    public void putFeedback(Caller caller, String applicationId, String userId, String conversationId,
                            String messageId, String usefulness, String reason, String comment, Instant submittedAt,
                            Instant messageCopiedAt) {
        ChatSubject s = ChatSubject.of(store, caller, applicationId, userId);
        conversations.owned(applicationId, s.user().id(), conversationId);
        if (conversations.message(applicationId, conversationId, messageId).isEmpty()) {
            throw ApiError.notFound("MESSAGE", messageId, "The message " + messageId
                    + " doesn't exist in conversation " + conversationId + ".");
        }
        if (usefulness != null && !USEFULNESS.contains(usefulness)) {
            throw ApiError.invalidField("messageUsefulness.usefulness", "usefulness must be USEFUL or NOT_USEFUL.");
        }
        if (reason != null && !REASONS.contains(reason)) {
            throw ApiError.invalidField("messageUsefulness.reason", "reason must be one of " + REASONS + ".");
        }
        if (usefulness != null && submittedAt == null) {
            throw ApiError.invalidField("messageUsefulness.submittedAt", "submittedAt is required.");
        }
        if (comment != null && comment.length() > 1000) {
            throw ApiError.invalidField("messageUsefulness.comment", "comment may have at most 1000 characters.");
        }
        conversations.putFeedback(applicationId, conversationId,
                new MessageFeedback(messageId, usefulness, reason, comment, submittedAt, messageCopiedAt));
    }

    public java.util.Optional<MessageFeedback> feedback(Caller caller, String applicationId, String conversationId,
                                                        String messageId) {
        ChatSubject s = ChatSubject.of(store, caller, applicationId, null);
        conversations.owned(applicationId, s.user().id(), conversationId);
        return conversations.feedback(applicationId, conversationId, messageId);
    }

    /** Offset pages over an in-memory list (a user's conversations and a conversation's messages are bounded). */
    static <T> Page<T> page(List<T> all, String nextToken, Integer maxResults) {
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_RESULTS)) {
            throw ApiError.invalidField("maxResults", "maxResults must be between 1 and " + MAX_RESULTS + ".");
        }
        int limit = maxResults == null ? MAX_RESULTS : maxResults;
        int offset = offset(nextToken);
        int end = Math.min(all.size(), offset + limit);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        String next = end < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("chat:" + end).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(items, next);
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith("chat:")) {
                int offset = Integer.parseInt(raw.substring(5));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw ApiError.invalidField("nextToken", "The nextToken is not valid.");
    }
}

package dev.quire.core.chat;

import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Store layout of chat, everything under the application's scope so deleting the application
 * removes it:
 * <pre>
 * kind                          id                   scope
 * qbusiness-conversation        conversationId       app/&lt;app&gt;/owner/&lt;sha-256 of owner&gt;
 * qbusiness-message             messageId            app/&lt;app&gt;/conversation/&lt;conversationId&gt;
 * qbusiness-chat-attachment     attachmentId         app/&lt;app&gt;/conversation/&lt;conversationId&gt;
 * qbusiness-message-feedback    messageId            app/&lt;app&gt;/conversation/&lt;conversationId&gt;
 * qbusiness-chat-token          sha-256(app,owner,t) app/&lt;app&gt;/conversation/&lt;conversationId&gt;
 * </pre>
 * A conversation is only ever found together with its owner: {@link #owned} answers the same
 * ResourceNotFoundException for another user's conversation as for a missing one.
 */
public final class Conversations {
    public static final String CONVERSATION_KIND = "qbusiness-conversation";
    public static final String MESSAGE_KIND = "qbusiness-message";
    public static final String ATTACHMENT_KIND = "qbusiness-chat-attachment";
    public static final String FEEDBACK_KIND = "qbusiness-message-feedback";
    public static final String TOKEN_KIND = "qbusiness-chat-token";
    /** Conversations and messages read per listing; a conversation longer than this is cut off. */
    static final int MAX_LISTED = 10_000;

    private final MetadataStore store;

    public Conversations(MetadataStore store) {
        this.store = store;
    }

    public static String ownerScope(String applicationId, String owner) {
        return Scopes.application(applicationId) + "/owner/" + sha256(owner);
    }

    public static String conversationScope(String applicationId, String conversationId) {
        return Scopes.application(applicationId) + "/conversation/" + conversationId;
    }

    /** The caller's conversation, or ResourceNotFound — identical whether it is missing or someone else's. */
    public Owned owned(String applicationId, String owner, String conversationId) {
        return store.get(CONVERSATION_KIND, conversationId)
                .filter(e -> e.scope().equals(ownerScope(applicationId, owner)))
                .map(e -> new Owned(StoredJson.read(e, ConversationRecord.class), e.version()))
                .filter(o -> o.record().owner().equals(owner) && o.record().applicationId().equals(applicationId))
                .orElseThrow(() -> notFound(conversationId));
    }

    public record Owned(ConversationRecord record, long version) {
    }

    static ApiError notFound(String conversationId) {
        return ApiError.notFound("CONVERSATION", conversationId,
                "The conversation " + conversationId + " doesn't exist.");
    }

    /** The caller's conversations, newest first. */
    public List<ConversationRecord> ofOwner(String applicationId, String owner) {
        List<ConversationRecord> out = new ArrayList<>();
        for (StoredEntity e : readAll(CONVERSATION_KIND, ownerScope(applicationId, owner))) {
            out.add(StoredJson.read(e, ConversationRecord.class));
        }
        out.sort(Comparator.comparing(ConversationRecord::startTime).reversed()
                .thenComparing(ConversationRecord::conversationId));
        return out;
    }

    /** A conversation's messages in order (oldest first). */
    public List<ChatMessage> messages(String applicationId, String conversationId) {
        List<ChatMessage> out = new ArrayList<>();
        for (StoredEntity e : readAll(MESSAGE_KIND, conversationScope(applicationId, conversationId))) {
            out.add(StoredJson.read(e, ChatMessage.class));
        }
        out.sort(Comparator.comparingInt(ChatMessage::seq));
        return out;
    }

    public Optional<ChatMessage> message(String applicationId, String conversationId, String messageId) {
        return store.get(MESSAGE_KIND, messageId)
                .filter(e -> e.scope().equals(conversationScope(applicationId, conversationId)))
                .map(e -> StoredJson.read(e, ChatMessage.class));
    }

    public List<StoredAttachment> attachments(String applicationId, String conversationId) {
        List<StoredAttachment> out = new ArrayList<>();
        for (StoredEntity e : readAll(ATTACHMENT_KIND, conversationScope(applicationId, conversationId))) {
            out.add(StoredJson.read(e, StoredAttachment.class));
        }
        out.sort(Comparator.comparing(StoredAttachment::createdAt).thenComparing(StoredAttachment::attachmentId));
        return out;
    }

    /** Inserts the new turn (and the conversation when it is new) in one transaction. */
    void saveTurn(String applicationId, Owned existing, ConversationRecord created, List<ChatMessage> turn,
                  List<StoredAttachment> attachments, String tokenId, String tokenJson) {
        store.inTransaction(() -> {
            ConversationRecord conversation;
            if (existing == null) {
                conversation = created.withMessages(turn.size());
                store.insert(CONVERSATION_KIND, conversation.conversationId(),
                        ownerScope(applicationId, conversation.owner()), StoredJson.write(conversation));
            } else {
                conversation = existing.record();
                store.update(CONVERSATION_KIND, conversation.conversationId(),
                        StoredJson.write(conversation.withMessages(conversation.messageCount() + turn.size())),
                        existing.version());
            }
            String scope = conversationScope(applicationId, conversation.conversationId());
            for (ChatMessage m : turn) {
                store.insert(MESSAGE_KIND, m.messageId(), scope, StoredJson.write(m));
            }
            for (StoredAttachment a : attachments) {
                store.insert(ATTACHMENT_KIND, a.attachmentId(), scope, StoredJson.write(a));
            }
            if (tokenId != null) {
                store.insert(TOKEN_KIND, tokenId, scope, tokenJson);
            }
            return null;
        });
    }

    Optional<String> tokenJson(String tokenId) {
        return store.get(TOKEN_KIND, tokenId).map(StoredEntity::json);
    }

    /** Deletes the conversation with its messages, attachments, feedback and tokens. */
    public void delete(String applicationId, Owned owned) {
        store.inTransaction(() -> {
            store.deleteScope(conversationScope(applicationId, owned.record().conversationId()));
            store.delete(CONVERSATION_KIND, owned.record().conversationId());
            return null;
        });
    }

    public void putFeedback(String applicationId, String conversationId, MessageFeedback feedback) {
        String scope = conversationScope(applicationId, conversationId);
        store.inTransaction(() -> {
            Optional<StoredEntity> earlier = store.get(FEEDBACK_KIND, feedback.messageId());
            MessageFeedback merged = earlier.map(e -> merge(StoredJson.read(e, MessageFeedback.class), feedback))
                    .orElse(feedback);
            if (earlier.isPresent()) {
                store.update(FEEDBACK_KIND, feedback.messageId(), StoredJson.write(merged), earlier.get().version());
            } else {
                store.insert(FEEDBACK_KIND, feedback.messageId(), scope, StoredJson.write(merged));
            }
            return null;
        });
    }

    public Optional<MessageFeedback> feedback(String applicationId, String conversationId, String messageId) {
        return store.get(FEEDBACK_KIND, messageId)
                .filter(e -> e.scope().equals(conversationScope(applicationId, conversationId)))
                .map(e -> StoredJson.read(e, MessageFeedback.class));
    }

    /** A later call sets what it carries and keeps what it does not (usefulness and copy time are separate). */
    private static MessageFeedback merge(MessageFeedback old, MessageFeedback now) {
        boolean rated = now.usefulness() != null;
        return new MessageFeedback(now.messageId(), rated ? now.usefulness() : old.usefulness(),
                rated ? now.reason() : old.reason(), rated ? now.comment() : old.comment(),
                rated ? now.submittedAt() : old.submittedAt(),
                now.messageCopiedAt() != null ? now.messageCopiedAt() : old.messageCopiedAt());
    }

    private List<StoredEntity> readAll(String kind, String scope) {
        List<StoredEntity> out = new ArrayList<>();
        String after = null;
        while (out.size() < MAX_LISTED) {
            List<StoredEntity> rows = store.list(kind, scope, after, 500);
            out.addAll(rows);
            if (rows.size() < 500) {
                break;
            }
            after = rows.get(rows.size() - 1).id();
        }
        return out;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

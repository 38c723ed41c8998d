package dev.quire.core.chat;

import dev.quire.core.chat.answer.BlockedPhraseGuard;
import dev.quire.core.chat.answer.BlockedPhrases;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.AnswerGenerator;
import dev.quire.spi.answer.AnswerRequest;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One chat turn after every check has passed and the passages are chosen: it generates the
 * answer, checks it against the blocked phrases and stores the turn. The synchronous and the
 * streamed answer differ only in how the text is generated and checked; what is stored and
 * returned is the same.
 */
public final class ChatTurn {
    /** Everything {@link ChatService#prepare} decided; {@code request} is null when the question is blocked. */
    record Prepared(String applicationId, String userId, Conversations.Owned existing, String conversationId,
                    String message, Instant now, int sequence, ChatAttachments.Result files,
                    List<Passages.Source> sources, AnswerRequest request, List<String> blockedPhrases,
                    String blockedMessage, String tokenId, String fingerprint) {
    }

    private final Conversations conversations;
    private final AnswerGenerator answers;
    private final Prepared p;
    private final ChatOutput replayed;
    private final Supplier<Optional<ChatOutput>> replayAfterRace;

    private ChatTurn(Conversations conversations, AnswerGenerator answers, Prepared prepared, ChatOutput replayed,
                     Supplier<Optional<ChatOutput>> replayAfterRace) {
        this.conversations = conversations;
        this.answers = answers;
        this.p = prepared;
        this.replayed = replayed;
        this.replayAfterRace = replayAfterRace;
    }

    static ChatTurn of(Conversations conversations, AnswerGenerator answers, Prepared prepared,
                       Supplier<Optional<ChatOutput>> replayAfterRace) {
        return new ChatTurn(conversations, answers, prepared, null, replayAfterRace);
    }

    /** A retried request (same clientToken): its stored answer, nothing generated again. */
    static ChatTurn replay(ChatOutput output) {
        return new ChatTurn(null, null, null, output, null);
    }

    /** ChatSync: the whole answer, checked once. */
    public ChatOutput answer() {
        return complete(null);
    }

    /** The answer as it is generated, through the blocked-phrase guard; returns what {@link #answer} would. */
    public ChatOutput stream(ChatStreamListener listener) {
        return complete(Objects.requireNonNull(listener, "listener"));
    }

    private ChatOutput complete(ChatStreamListener listener) {
        if (replayed != null) {
            if (listener != null) {
                listener.onText(replayed.systemMessage()); // checked when it was first answered
            }
            return replayed;
        }
        if (p.request() == null) {
            if (listener != null) {
                listener.onBlocked(p.blockedMessage());
            }
            return store(p.blockedMessage(), List.of());
        }
        Answer answer;
        boolean blocked;
        if (listener == null) {
            answer = answers.generate(p.request());
            blocked = BlockedPhrases.match(answer.text(), p.blockedPhrases()).isPresent();
        } else {
            BlockedPhraseGuard guard = new BlockedPhraseGuard(p.blockedPhrases(), listener::onText,
                    () -> listener.onBlocked(p.blockedMessage()));
            answer = answers.generateStreaming(p.request(), guard::accept);
            blocked = guard.finish(answer.text());
        }
        return blocked ? store(p.blockedMessage(), List.of())
                : store(answer.text(), Attributions.of(answer, p.sources()));
    }

    private ChatOutput store(String systemMessage, List<SourceAttribution> attributions) {
        ChatMessage userMessage = new ChatMessage(UUID.randomUUID().toString(), p.conversationId(), "USER",
                p.message(), p.now(), p.sequence(), List.of(), p.files().succeeded());
        ChatMessage systemReply = new ChatMessage(UUID.randomUUID().toString(), p.conversationId(), "SYSTEM",
                systemMessage, p.now(), p.sequence() + 1, attributions, List.of());
        ChatOutput out = new ChatOutput(p.conversationId(), systemMessage, systemReply.messageId(),
                userMessage.messageId(), attributions, p.files().failed());
        ConversationRecord created = p.existing() != null ? null : new ConversationRecord(p.conversationId(),
                p.applicationId(), p.userId(), ChatService.title(p.message()), p.now(), 0);
        try {
            conversations.saveTurn(p.applicationId(), p.existing(), created, List.of(userMessage, systemReply),
                    p.files().stored(), p.tokenId(), p.tokenId() == null ? null
                            : StoredJson.write(new ChatService.TokenEntry(p.fingerprint(), out)));
        } catch (EntityExistsException e) {
            // the same clientToken raced us and won: answer what it answered
            return replayAfterRace.get().orElseThrow(() -> e);
        } catch (ConcurrentUpdateException e) {
            throw new ApiError(ErrorCode.CONFLICT, "Another message was added to conversation " + p.conversationId()
                    + " at the same time; send yours again.",
                    Map.of("resourceId", p.conversationId(), "resourceType", "CONVERSATION"));
        }
        return out;
    }
}

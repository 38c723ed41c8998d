package dev.quire.core.chat;

import dev.quire.core.chat.answer.BlockedPhrases;
import dev.quire.core.chat.answer.QueryRewriter;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.core.qbusiness.chatcontrols.ChatControls;
import dev.quire.core.qbusiness.chatcontrols.ChatControlsConfiguration;
import dev.quire.core.qbusiness.subscriptions.AutoSubscription;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.core.retrieval.PermissionAwareRetriever;
import dev.quire.spi.answer.AnswerGenerator;
import dev.quire.spi.answer.AnswerRequest;
import dev.quire.spi.answer.ConversationTurn;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.SearchRequest;
import dev.quire.spi.store.MetadataStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ChatSync: who is asking (the session's Email tag), are they licensed (auto-subscribing when the
 * application allows), what may they read (the ACL is applied inside the index query), and an
 * answer built only from that — with attributions for exactly the sources it cites. The hosted
 * web chat streams the same turn: {@link #prepare} runs every check, then {@link ChatTurn#stream}
 * passes the answer on through the blocked-phrase guard and stores what ChatSync would store.
 */
public final class ChatService {
    public static final int MAX_MESSAGE_CHARS = 7_000;
    public static final int RETRIEVAL_LIMIT = 8;
    public static final String DEFAULT_BLOCKED_MESSAGE =
            "I can't help with that: your message or my answer touches a topic this application blocks.";
    static final int MAX_TITLE_CHARS = 100;

    private final MetadataStore store;
    private final Conversations conversations;
    private final ChatControls chatControls;
    private final SubscriptionService subscriptions;
    private final ChatRetrieval retrieval;
    private final AnswerGenerator answers;
    private final ChatAttachments attachments;
    private final Clock clock;
    private final QueryRewriter rewriter = new QueryRewriter();

    public ChatService(MetadataStore store, SubscriptionService subscriptions, PermissionAwareRetriever retriever,
                       AnswerGenerator answers, dev.quire.spi.extract.TextExtractor extractor, Clock clock) {
        this.store = store;
        this.conversations = new Conversations(store);
        this.chatControls = new ChatControls(store);
        this.subscriptions = subscriptions;
        this.retrieval = new ChatRetrieval(store, retriever);
        this.answers = answers;
        this.attachments = new ChatAttachments(extractor, clock);
        this.clock = clock;
    }

    public Conversations conversations() {
        return conversations;
    }

    /**
     * @param region the caller's signing region (auto-subscriptions get ARNs in it)
     * @param userId the optional userId query member; it may only name the caller
     */
    public ChatOutput chatSync(Caller caller, String region, String applicationId, String userId, ChatInput in) {
        return prepare(caller, region, applicationId, userId, in).answer();
    }

    /**
     * Every check of a chat turn (license, conversation ownership, parent, message, mode,
     * attachments) and the retrieval of what the caller may read, before any answer text exists:
     * a streamed answer can still fail with an error status here, and then cannot fail a check.
     */
    public ChatTurn prepare(Caller caller, String region, String applicationId, String userId, ChatInput in) {
        ChatSubject subject = ChatSubject.of(store, caller, applicationId, userId);
        ChatUser user = subject.user();
        if (!user.anonymous()) {
            subscriptions.requireSubscribed(applicationId, region, user.id(), AutoSubscription.of(
                    subject.app().autoSubscribe(), subject.app().defaultSubscriptionType()));
        }
        ChatControlsConfiguration controls = chatControls.get(applicationId);
        String tokenId = in.clientToken() == null ? null
                : Conversations.sha256(applicationId + "\n" + user.id() + "\n" + in.clientToken());
        String fingerprint = Fingerprint.of(in);
        Optional<ChatOutput> replay = replay(tokenId, fingerprint, in.clientToken());
        if (replay.isPresent()) {
            return ChatTurn.replay(replay.get());
        }
        Conversations.Owned existing = in.conversationId() == null ? null
                : conversations.owned(applicationId, user.id(), in.conversationId());
        requireParent(applicationId, existing, in.parentMessageId());
        String message = requireMessage(in.userMessage());
        String mode = mode(in.chatMode(), controls);
        if (in.attachments().size() > ChatAttachments.MAX_ATTACHMENTS) {
            throw ApiError.invalidField("attachments", "attachments may hold at most "
                    + ChatAttachments.MAX_ATTACHMENTS + " files.");
        }
        Instant now = clock.instant();
        String conversationId = existing != null ? existing.record().conversationId() : UUID.randomUUID().toString();
        List<ChatMessage> history = existing == null ? List.of() : conversations.messages(applicationId, conversationId);
        ChatAttachments.Result files = ChatAttachments.Result.NONE;
        List<Passages.Source> sources = List.of();
        AnswerRequest request = null; // stays null when the question itself is blocked
        if (BlockedPhrases.match(message, controls.blockedPhrases()).isEmpty()) {
            files = attachments.read(in.attachments(), conversationId, subject.app().attachmentsControlMode());
            List<StoredAttachment> usable = new ArrayList<>(existing == null ? List.of()
                    : conversations.attachments(applicationId, conversationId));
            usable.addAll(files.stored());
            List<ConversationTurn> turns = turns(history);
            List<ChunkHit> hits = "CREATOR_MODE".equals(mode) ? List.of()
                    : retrieval.retrieve(applicationId, user, rewriter.retrievalQuery(message, turns),
                            in.attributeFilter(), RETRIEVAL_LIMIT, SearchRequest.Mode.HYBRID);
            sources = Passages.number(usable, hits);
            request = new AnswerRequest(message, turns, sources.stream().map(Passages.Source::passage).toList(),
                    "CREATOR_MODE".equals(mode) || "EXTENDED_KNOWLEDGE_ENABLED".equals(controls.responseScope()));
        }
        ChatTurn.Prepared prepared = new ChatTurn.Prepared(applicationId, user.id(), existing, conversationId, message,
                now, history.size(), files, sources, request, controls.blockedPhrases(), blockedMessage(controls),
                tokenId, fingerprint);
        return ChatTurn.of(conversations, answers, prepared, () -> replay(tokenId, fingerprint, in.clientToken()));
    }

    record TokenEntry(String fingerprint, ChatOutput output) {
    }

    private Optional<ChatOutput> replay(String tokenId, String fingerprint, String token) {
        if (tokenId == null) {
            return Optional.empty();
        }
        return conversations.tokenJson(tokenId).map(json -> {
            TokenEntry entry = StoredJson.read(new dev.quire.spi.store.StoredEntity(Conversations.TOKEN_KIND, tokenId,
                    "", json, 1, Instant.EPOCH, Instant.EPOCH), TokenEntry.class);
            if (!entry.fingerprint().equals(fingerprint)) {
                throw new ApiError(ErrorCode.CONFLICT, "The clientToken " + token
                        + " was already used with a different request.",
                        Map.of("resourceId", entry.output().conversationId(), "resourceType", "CONVERSATION"));
            }
            return entry.output();
        });
    }

    private void requireParent(String applicationId, Conversations.Owned existing, String parentMessageId) {
        if (parentMessageId == null) {
            return;
        }
        if (existing == null) {
            throw ApiError.invalidField("parentMessageId", "parentMessageId needs the conversationId it belongs to.");
        }
        String conversationId = existing.record().conversationId();
        if (conversations.message(applicationId, conversationId, parentMessageId).isEmpty()) {
            throw ApiError.notFound("MESSAGE", parentMessageId, "The message " + parentMessageId
                    + " doesn't exist in conversation " + conversationId + ".");
        }
    }

    private static String requireMessage(String message) {
        if (message == null || message.isBlank() || message.length() > MAX_MESSAGE_CHARS) {
            throw ApiError.invalidField("userMessage", "userMessage must have 1 to " + MAX_MESSAGE_CHARS
                    + " characters and not be blank.");
        }
        return message;
    }

    private static String mode(String chatMode, ChatControlsConfiguration controls) {
        String mode = chatMode == null ? "RETRIEVAL_MODE" : chatMode;
        switch (mode) {
            case "RETRIEVAL_MODE":
                return mode;
            case "CREATOR_MODE":
                if (!"ENABLED".equals(controls.creatorModeControl())) {
                    throw ApiError.invalidField("chatMode", "CREATOR_MODE is disabled for this application;"
                            + " enable it with UpdateChatControlsConfiguration creatorModeConfiguration.");
                }
                return mode;
            case "PLUGIN_MODE":
                throw ApiError.invalidField("chatMode", "PLUGIN_MODE is not supported by Quire.");
            default:
                throw ApiError.invalidField("chatMode", "chatMode must be RETRIEVAL_MODE, CREATOR_MODE or PLUGIN_MODE.");
        }
    }

    private static String blockedMessage(ChatControlsConfiguration controls) {
        String override = controls.blockedPhrasesSystemMessageOverride();
        return override == null || override.isBlank() ? DEFAULT_BLOCKED_MESSAGE : override;
    }

    static List<ConversationTurn> turns(List<ChatMessage> history) {
        return history.stream().map(m -> new ConversationTurn(m.fromUser() ? ConversationTurn.Speaker.USER
                : ConversationTurn.Speaker.SYSTEM, m.body())).toList();
    }

    static String title(String message) {
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TITLE_CHARS ? oneLine : oneLine.substring(0, MAX_TITLE_CHARS - 1) + "…";
    }
}

package dev.quire.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.ingest.Chunker;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.chatcontrols.ChatControls;
import dev.quire.core.qbusiness.chatcontrols.ChatControlsUpdate;
import dev.quire.core.qbusiness.documents.ResolvedUserPrincipals;
import dev.quire.core.qbusiness.principals.PrincipalResolver;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.core.retrieval.PermissionAwareRetriever;
import dev.quire.core.retrieval.SearchIndexer;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.AnswerGenerator;
import dev.quire.spi.answer.AnswerRequest;
import dev.quire.spi.answer.Citation;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.index.AccessControl;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed chat turn through the real ChatService, H2 store and Lucene index: the listener
 * gets the answer in pieces, never a blocked phrase, and the stored turn is the one ChatSync
 * stores for the same answer.
 */
class ChatStreamingTest {
    static final String POLICY = "Business class is allowed for flights longer than six hours.";
    static final String BLOCKED_MESSAGE = "That topic is blocked here.";

    @TempDir
    Path dir;
    MetadataStore store;
    SearchIndex index;
    final String app = "app-" + UUID.randomUUID();
    final ScriptedAnswers answers = new ScriptedAnswers();
    ChatService chat;
    ChatHistory history;

    /** Answers with fixed pieces citing passage 1, whatever the question. */
    static final class ScriptedAnswers implements AnswerGenerator {
        List<String> pieces = List.of();
        final AtomicInteger generated = new AtomicInteger();

        @Override
        public Answer generate(AnswerRequest request) {
            generated.incrementAndGet();
            String text = String.join("", pieces);
            List<Citation> citations = request.passages().isEmpty() ? List.of()
                    : List.of(new Citation(1, 0, Math.min(20, text.length()), request.passages().get(0).text()));
            return new Answer(text, citations, !citations.isEmpty());
        }

        @Override
        public Answer generateStreaming(AnswerRequest request, Consumer<String> onText) {
            pieces.forEach(onText);
            return generate(request);
        }

        @Override
        public String name() {
            return "scripted";
        }
    }

    /** What the browser would see. */
    static final class Events implements ChatStreamListener {
        final List<String> texts = new ArrayList<>();
        final List<String> blocked = new ArrayList<>();

        @Override
        public void onText(String text) {
            texts.add(text);
        }

        @Override
        public void onBlocked(String blockedMessage) {
            blocked.add(blockedMessage);
        }

        String shown() {
            return String.join("", texts);
        }
    }

    @BeforeEach
    void world() throws Exception {
        store = JdbcMetadataStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        index = LuceneSearchIndex.open(dir.resolve("index"));
        String indexId = UUID.randomUUID().toString();
        store.insert(Applications.KIND, app, "", "{\"applicationId\":\"" + app + "\",\"status\":\"ACTIVE\","
                + "\"identityType\":\"AWS_IAM_IDP_OIDC\",\"autoSubscribe\":\"ENABLED\"}");
        store.insert(ResourceGuard.INDEX_KIND, indexId, Scopes.application(app), "{\"indexId\":\"" + indexId + "\"}");
        String retriever = UUID.randomUUID().toString();
        store.insert(ResourceGuard.RETRIEVER_KIND, retriever, Scopes.application(app), "{\"applicationId\":\"" + app
                + "\",\"retrieverId\":\"" + retriever + "\",\"type\":\"NATIVE_INDEX\",\"indexId\":\"" + indexId + "\"}");
        HashingEmbedder embedder = new HashingEmbedder(64);
        new SearchIndexer(new PlainTextExtractor(), new Chunker(), embedder, index, Clock.systemUTC())
                .index(new IndexableDocument(app, indexId, "travel-policy", "Travel policy", "PLAIN_TEXT",
                        POLICY.getBytes(StandardCharsets.UTF_8), Map.of("_source_uri", "https://docs.example/travel"),
                        AccessControl.UNRESTRICTED, null, 1));
        new ChatControls(store).update(app, new ChatControlsUpdate(null, List.of("project falcon", "layoffs"),
                null, BLOCKED_MESSAGE, null, null, null, null, null));
        PermissionAwareRetriever permissionAware = new PermissionAwareRetriever(index, embedder,
                new ResolvedUserPrincipals(new PrincipalResolver(store)), (a, i) -> List.of());
        chat = new ChatService(store, new SubscriptionService(store, Clock.systemUTC(), "123456789012"),
                permissionAware, answers, new PlainTextExtractor(), Clock.systemUTC());
        history = new ChatHistory(store);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
        store.close();
    }

    static Caller mary() {
        return new Caller("123456789012", "arn:aws:sts::123456789012:assumed-role/web/mary", "AROAWEB:mary",
                "arn:aws:iam::123456789012:role/web", Map.of("Email", "mary@example.com"), null);
    }

    private ChatOutput stream(String question, Events events) {
        return chat.prepare(mary(), "us-east-1", app, null, ChatInput.ask(question)).stream(events);
    }

    private ChatOutput sync(String question) {
        return chat.chatSync(mary(), "us-east-1", app, null, ChatInput.ask(question));
    }

    private ChatMessage storedReply(ChatOutput out) {
        return history.listMessages(mary(), app, null, out.conversationId(), null, null).items().stream()
                .filter(m -> m.messageId().equals(out.systemMessageId())).findFirst().orElseThrow();
    }

    @Test
    void theStreamedTurnIsTheTurnChatSyncStores() {
        answers.pieces = List.of("Business class is allowed", " for flights longer", " than six hours [1].");
        Events events = new Events();

        ChatOutput streamed = stream("Which class may I fly?", events);
        ChatOutput synced = sync("Which class may I fly?");

        assertThat(events.texts).as("released in pieces, not at the end only").hasSizeGreaterThan(1);
        assertThat(events.shown()).isEqualTo(streamed.systemMessage()).isEqualTo(synced.systemMessage());
        assertThat(events.blocked).isEmpty();
        assertThat(streamed.sourceAttributions()).isNotEmpty().isEqualTo(synced.sourceAttributions());
        ChatMessage stored = storedReply(streamed);
        ChatMessage storedSync = storedReply(synced);
        assertThat(stored.body()).isEqualTo(storedSync.body());
        assertThat(stored.sourceAttributions()).isEqualTo(storedSync.sourceAttributions());
    }

    @Test
    void aBlockedPhraseSplitAcrossPiecesIsReplacedAndStoredAsChatSyncWould() {
        answers.pieces = List.of("Business class is allowed, and PROJECT fal", "con\n  ", "covers the rest of it [1].");
        Events events = new Events();

        ChatOutput streamed = stream("Which class may I fly?", events);
        ChatOutput synced = sync("Which class may I fly?");

        assertThat(events.blocked).containsExactly(BLOCKED_MESSAGE);
        assertThat(events.shown()).doesNotContainIgnoringCase("project").doesNotContain("covers");
        assertThat(streamed.systemMessage()).isEqualTo(synced.systemMessage()).isEqualTo(BLOCKED_MESSAGE);
        assertThat(streamed.sourceAttributions()).isEmpty();
        assertThat(storedReply(streamed).body()).isEqualTo(storedReply(synced).body()).isEqualTo(BLOCKED_MESSAGE);
    }

    @Test
    void aBlockedQuestionIsRefusedWithoutGeneratingAnything() {
        Events events = new Events();
        ChatOutput out = stream("Tell me about the layoffs", events);

        assertThat(events.blocked).containsExactly(BLOCKED_MESSAGE);
        assertThat(events.texts).isEmpty();
        assertThat(answers.generated).hasValue(0);
        assertThat(storedReply(out).body()).isEqualTo(BLOCKED_MESSAGE);
    }

    @Test
    void checksFailBeforeAnyTextExists() {
        answers.pieces = List.of("never ", "sent");
        assertThatThrownBy(() -> chat.prepare(mary(), "us-east-1", app, null, ChatInput.ask("   ")))
                .isInstanceOf(ApiError.class).hasMessageContaining("userMessage");
        assertThatThrownBy(() -> chat.prepare(mary(), "us-east-1", app, null,
                ChatInput.ask("Hello").followUp(UUID.randomUUID().toString(), null)))
                .isInstanceOf(ApiError.class);
        assertThat(answers.generated).hasValue(0);
    }

    @Test
    void theExtractiveAnswererStreamsOneQuotedSentenceAtATime() {
        ChatService extractive = new ChatService(store, new SubscriptionService(store, Clock.systemUTC(), "123456789012"),
                new PermissionAwareRetriever(index, new HashingEmbedder(64),
                        new ResolvedUserPrincipals(new PrincipalResolver(store)), (a, i) -> List.of()),
                new dev.quire.core.chat.answer.ExtractiveAnswerer(), new PlainTextExtractor(), Clock.systemUTC());
        Events events = new Events();
        ChatOutput out = extractive.prepare(mary(), "us-east-1", app, null, ChatInput.ask("Is business class allowed for flights?"))
                .stream(events);
        assertThat(events.shown()).isEqualTo(out.systemMessage()).contains("Business class is allowed").contains("[1]");
        assertThat(out.sourceAttributions()).isNotEmpty();
    }
}

package dev.quire.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quire.server.support.RunningQuire;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.AccessDeniedException;
import software.amazon.awssdk.services.qbusiness.model.ChatMode;
import software.amazon.awssdk.services.qbusiness.model.ChatSyncResponse;
import software.amazon.awssdk.services.qbusiness.model.Conversation;
import software.amazon.awssdk.services.qbusiness.model.ListConversationsResponse;
import software.amazon.awssdk.services.qbusiness.model.Message;
import software.amazon.awssdk.services.qbusiness.model.MessageType;
import software.amazon.awssdk.services.qbusiness.model.MessageUsefulness;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/** ChatSync and the conversation operations through the AWS SDK, as federated users of the seed scene. */
class ChatSyncSdkTest {
    @TempDir
    static Path dataDir;
    static RunningQuire quire;
    static ChatScene scene;
    static AwsCredentialsProvider mary;

    @BeforeAll
    static void start() throws Exception {
        quire = RunningQuire.h2(dataDir);
        scene = new ChatScene(quire);
        mary = scene.oidcSession("mary");
    }

    @AfterAll
    static void stop() {
        quire.close();
    }

    private static QBusinessClient root() {
        return quire.qbusiness(quire.rootCredentials());
    }

    @Test
    void theMessageMustHaveOneTo7000Characters() {
        try (QBusinessClient qb = quire.qbusiness(mary)) {
            for (String bad : List.of("", "   ", "x".repeat(7_001))) {
                ValidationException e = catchThrowableOfType(ValidationException.class,
                        () -> qb.chatSync(r -> r.applicationId(scene.app).userMessage(bad)));
                assertThat(e.fields()).anySatisfy(f -> assertThat(f.name()).isEqualTo("userMessage"));
            }
            assertThat(qb.chatSync(r -> r.applicationId(scene.app).userMessage("x".repeat(6_990) + " team")).systemMessage())
                    .isNotBlank();
        }
    }

    @Test
    void credentialsWithoutAnEmailTagCannotChat() {
        try (QBusinessClient qb = root()) {
            AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
                    () -> qb.chatSync(r -> r.applicationId(scene.app).userMessage(ChatScene.QUESTION)));
            assertThat(e.awsErrorDetails().errorMessage()).contains("Email principal tag");
        }
    }

    @Test
    void aSessionCannotChatAsAnotherUser() {
        try (QBusinessClient qb = quire.qbusiness(mary)) {
            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> qb.chatSync(r -> r
                    .applicationId(scene.app).userId("mateo.jackson@example.com").userMessage(ChatScene.QUESTION))))
                    .isNotNull();
        }
    }

    @Test
    void theSameClientTokenGivesTheSameResponseOnce() {
        String token = UUID.randomUUID().toString();
        try (QBusinessClient qb = quire.qbusiness(mary)) {
            ChatSyncResponse a = qb.chatSync(r -> r.applicationId(scene.app).userMessage(ChatScene.QUESTION).clientToken(token));
            ChatSyncResponse b = qb.chatSync(r -> r.applicationId(scene.app).userMessage(ChatScene.QUESTION).clientToken(token));
            assertThat(b.conversationId()).isEqualTo(a.conversationId());
            assertThat(b.systemMessageId()).isEqualTo(a.systemMessageId());
            assertThat(b.systemMessage()).isEqualTo(a.systemMessage());
            assertThat(qb.listMessages(r -> r.applicationId(scene.app).conversationId(a.conversationId())).messages()).hasSize(2);
        }
    }

    @Test
    void blockedPhrasesInTheQuestionOrTheAnswerGetTheConfiguredMessage() {
        try (QBusinessClient admin = root(); QBusinessClient qb = quire.qbusiness(mary)) {
            admin.updateChatControlsConfiguration(r -> r.applicationId(scene.app).blockedPhrasesConfigurationUpdate(b -> b
                    .blockedPhrasesToCreateOrUpdate("billing").systemMessageOverride("That topic is blocked here.")));
            try {
                ChatSyncResponse asked = qb.chatSync(r -> r.applicationId(scene.app).userMessage("tell me about Billing"));
                assertThat(asked.systemMessage()).isEqualTo("That topic is blocked here.");
                assertThat(asked.sourceAttributions()).isEmpty();
                ChatSyncResponse answered = qb.chatSync(r -> r.applicationId(scene.app)
                        .userMessage("what does the ACME project build?"));
                assertThat(answered.systemMessage()).isEqualTo("That topic is blocked here.");
                assertThat(answered.sourceAttributions()).isEmpty();
            } finally {
                admin.deleteChatControlsConfiguration(r -> r.applicationId(scene.app));
            }
        }
    }

    @Test
    void creatorModeOnlyWhenEnabledAndPluginModeNever() {
        try (QBusinessClient admin = root(); QBusinessClient qb = quire.qbusiness(mary)) {
            assertThat(catchThrowableOfType(ValidationException.class, () -> qb.chatSync(r -> r.applicationId(scene.app)
                    .userMessage(ChatScene.QUESTION).chatMode(ChatMode.CREATOR_MODE))).fields())
                    .anySatisfy(f -> assertThat(f.name()).isEqualTo("chatMode"));
            assertThat(catchThrowableOfType(ValidationException.class, () -> qb.chatSync(r -> r.applicationId(scene.app)
                    .userMessage(ChatScene.QUESTION).chatMode(ChatMode.PLUGIN_MODE)
                    .chatModeConfiguration(c -> c.pluginConfiguration(p -> p.pluginId("p")))))).isNotNull();
            admin.updateChatControlsConfiguration(r -> r.applicationId(scene.app)
                    .creatorModeConfiguration(c -> c.creatorModeControl("ENABLED")));
            try {
                ChatSyncResponse r = qb.chatSync(q -> q.applicationId(scene.app).userMessage(ChatScene.QUESTION)
                        .chatMode(ChatMode.CREATOR_MODE));
                assertThat(r.sourceAttributions()).isEmpty(); // no retrieval in creator mode
                assertThat(r.systemMessage()).doesNotContain("Martha Rivera");
            } finally {
                admin.deleteChatControlsConfiguration(r -> r.applicationId(scene.app));
            }
        }
    }

    @Test
    void theFirstChatAutoSubscribesTheUser() {
        try (QBusinessClient admin = root()) {
            assertThat(admin.listSubscriptions(r -> r.applicationId(scene.app)).subscriptions())
                    .noneMatch(s -> "john.doe@example.com".equals(s.principal().user()));
        }
        try (QBusinessClient qb = quire.qbusiness(scene.oidcSession("john"))) {
            assertThat(qb.chatSync(r -> r.applicationId(scene.app).userMessage(ChatScene.QUESTION)).systemMessage())
                    .contains("John Doe");
        }
        try (QBusinessClient admin = root()) {
            assertThat(admin.listSubscriptions(r -> r.applicationId(scene.app)).subscriptions())
                    .anySatisfy(s -> assertThat(s.principal().user()).isEqualTo("john.doe@example.com"));
        }
    }

    @Test
    void conversationsAreListedNewestFirstRatedAndDeleted() {
        try (QBusinessClient qb = quire.qbusiness(scene.oidcSession("martha"))) {
            ChatSyncResponse older = qb.chatSync(r -> r.applicationId(scene.app).userMessage("who are the ACME members?"));
            ChatSyncResponse newer = qb.chatSync(r -> r.applicationId(scene.app).userMessage(ChatScene.QUESTION));
            ListConversationsResponse page1 = qb.listConversations(r -> r.applicationId(scene.app).maxResults(1));
            assertThat(page1.conversations()).extracting(Conversation::conversationId).containsExactly(newer.conversationId());
            assertThat(page1.conversations().get(0).title()).isEqualTo(ChatScene.QUESTION);
            ListConversationsResponse page2 = qb.listConversations(r -> r.applicationId(scene.app).maxResults(1)
                    .nextToken(page1.nextToken()));
            assertThat(page2.conversations()).extracting(Conversation::conversationId).containsExactly(older.conversationId());

            List<Message> messages = qb.listMessages(r -> r.applicationId(scene.app)
                    .conversationId(newer.conversationId())).messages();
            assertThat(messages).extracting(Message::type).containsExactly(MessageType.USER, MessageType.SYSTEM);
            assertThat(messages.get(1).messageId()).isEqualTo(newer.systemMessageId());
            assertThat(messages.get(1).sourceAttribution()).isNotEmpty();
            assertThat(messages.get(1).time()).isNotNull();

            qb.putFeedback(r -> r.applicationId(scene.app).conversationId(newer.conversationId())
                    .messageId(newer.systemMessageId()).messageCopiedAt(Instant.now())
                    .messageUsefulness(u -> u.usefulness(MessageUsefulness.USEFUL).reason("HELPFUL")
                            .comment("spot on").submittedAt(Instant.now())));
            assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> qb.putFeedback(r -> r
                    .applicationId(scene.app).conversationId(newer.conversationId()).messageId(UUID.randomUUID().toString())
                    .messageCopiedAt(Instant.now())))).isNotNull();
            try (QBusinessClient mateo = quire.qbusiness(scene.oidcSession("mateo"))) {
                assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> mateo.putFeedback(r -> r
                        .applicationId(scene.app).conversationId(newer.conversationId()).messageId(newer.systemMessageId())
                        .messageCopiedAt(Instant.now())))).isNotNull();
            }

            qb.deleteConversation(r -> r.applicationId(scene.app).conversationId(newer.conversationId()));
            assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> qb.listMessages(r -> r
                    .applicationId(scene.app).conversationId(newer.conversationId())))).isNotNull();
            assertThat(qb.listConversations(r -> r.applicationId(scene.app)).conversations())
                    .extracting(Conversation::conversationId).doesNotContain(newer.conversationId());
        }
    }

    @Test
    void anAttachmentIsUsedInItsConversationOnly() {
        byte[] notes = "Release notes. The launch code word is bluepelican and it must stay inside this chat."
                .getBytes(StandardCharsets.UTF_8);
        try (QBusinessClient qb = quire.qbusiness(mary)) {
            ChatSyncResponse withFile = qb.chatSync(r -> r.applicationId(scene.app)
                    .userMessage("what is the launch code word?")
                    .attachments(a -> a.name("notes.txt").data(SdkBytes.fromByteArray(notes))));
            assertThat(withFile.failedAttachments()).isEmpty();
            assertThat(withFile.systemMessage()).contains("bluepelican");
            assertThat(withFile.sourceAttributions()).anySatisfy(a -> assertThat(a.title()).isEqualTo("notes.txt"));

            ChatSyncResponse sameConversation = qb.chatSync(r -> r.applicationId(scene.app)
                    .userMessage("repeat the launch code word").conversationId(withFile.conversationId())
                    .parentMessageId(withFile.systemMessageId()));
            assertThat(sameConversation.systemMessage()).contains("bluepelican");

            ChatSyncResponse elsewhere = qb.chatSync(r -> r.applicationId(scene.app).userMessage("what is the launch code word?"));
            assertThat(elsewhere.systemMessage()).doesNotContain("bluepelican");

            ChatSyncResponse tooMany = qb.chatSync(r -> r.applicationId(scene.app).userMessage("team?")
                    .attachments(a -> a.name("empty.txt").data(SdkBytes.fromByteArray(new byte[0]))));
            assertThat(tooMany.failedAttachments()).singleElement()
                    .satisfies(f -> assertThat(f.statusAsString()).isEqualTo("FAILED"));
        }
        try (QBusinessClient mateo = quire.qbusiness(scene.oidcSession("mateo"))) {
            assertThat(mateo.chatSync(r -> r.applicationId(scene.app).userMessage("what is the launch code word?"))
                    .systemMessage()).doesNotContain("bluepelican");
        }
    }
}

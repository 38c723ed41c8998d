package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.chat.AttachmentInput;
import dev.quire.core.chat.AttachmentOutput;
import dev.quire.core.chat.AttributeFilters;
import dev.quire.core.chat.ChatHistory;
import dev.quire.core.chat.ChatInput;
import dev.quire.core.chat.ChatMessage;
import dev.quire.core.chat.ChatOutput;
import dev.quire.core.chat.ChatService;
import dev.quire.core.chat.ConversationRecord;
import dev.quire.core.chat.MessageAccess;
import dev.quire.core.chat.SourceAttribution;
import dev.quire.core.chat.TextSegment;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.Page;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Conversations: ChatSync, ListConversations, ListMessages, DeleteConversation, PutFeedback, and
 * Quire's own QuireExplainMessageAccess (why the caller could read each cited document).
 */
public final class ChatArea implements QBusinessArea {
    private final ChatService chat;
    private final ChatHistory history;
    private final MessageAccess access;

    public ChatArea(ChatService chat, ChatHistory history, MessageAccess access) {
        this.chat = chat;
        this.history = history;
        this.access = access;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("ChatSync", this::chatSync, "ListConversations", this::listConversations,
                "ListMessages", this::listMessages, "DeleteConversation", this::deleteConversation,
                "PutFeedback", this::putFeedback, "QuireExplainMessageAccess", this::explainAccess);
    }

    private WireResponse chatSync(QBusinessCall call) {
        JsonInput body = call.body();
        if (body.has("actionExecution") || body.has("authChallengeResponse")) {
            throw ApiError.invalidField(body.has("actionExecution") ? "actionExecution" : "authChallengeResponse",
                    "Plugin actions are not supported by Quire.");
        }
        String message = body.string("userMessage", 0, Integer.MAX_VALUE);
        ChatInput in = new ChatInput(message, body.string("conversationId", 36, 36),
                body.string("parentMessageId", 36, 36),
                body.enumValue("chatMode", List.of("RETRIEVAL_MODE", "CREATOR_MODE", "PLUGIN_MODE")),
                AttributeFilters.fromJson(body.node().get("attributeFilter")), attachments(body),
                body.string("clientToken", 1, 100));
        ChatOutput out = chat.chatSync(call.caller(), call.region(), call.label("applicationId"),
                call.input().queryParam("userId"), in);
        ObjectNode o = JsonResponses.object().put("conversationId", out.conversationId())
                .put("systemMessage", out.systemMessage()).put("systemMessageId", out.systemMessageId())
                .put("userMessageId", out.userMessageId());
        attributions(o.putArray("sourceAttributions"), out.sourceAttributions());
        attachmentsOut(o.putArray("failedAttachments"), out.failedAttachments());
        return JsonResponses.ok(o);
    }

    private static List<AttachmentInput> attachments(JsonInput body) {
        List<AttachmentInput> out = new ArrayList<>();
        List<JsonNode> items = body.list("attachments", Integer.MAX_VALUE);
        for (int i = 0; i < items.size(); i++) {
            JsonInput a = new JsonInput(items.get(i));
            String name = a.string("name", 1, 1000);
            byte[] data = null;
            String data64 = a.string("data", 0, Integer.MAX_VALUE);
            if (data64 != null) {
                try {
                    data = Base64.getDecoder().decode(data64);
                } catch (IllegalArgumentException e) {
                    throw ApiError.invalidField("attachments[" + i + "].data", "attachments[" + i
                            + "].data must be base64.");
                }
            }
            ObjectNode copy = a.object("copyFrom");
            JsonNode source = copy == null ? null : copy.get("conversation");
            out.add(new AttachmentInput(name, data, source == null ? null : source.path("conversationId").asText(null),
                    source == null ? null : source.path("attachmentId").asText(null)));
        }
        return out;
    }

    static void attributions(ArrayNode list, List<SourceAttribution> attributions) {
        for (SourceAttribution a : attributions) {
            ObjectNode o = list.addObject();
            putIf(o, "title", a.title());
            putIf(o, "snippet", a.snippet());
            putIf(o, "url", a.url());
            o.put("citationNumber", a.citationNumber());
            JsonResponses.putTimestamp(o, "updatedAt", a.updatedAt());
            putIf(o, "documentId", a.documentId());
            putIf(o, "indexId", a.indexId());
            putIf(o, "datasourceId", a.dataSourceId());
            ArrayNode segments = o.putArray("textMessageSegments");
            for (TextSegment s : a.textMessageSegments()) {
                ObjectNode seg = segments.addObject().put("beginOffset", s.beginOffset()).put("endOffset", s.endOffset());
                seg.putObject("snippetExcerpt").put("text", s.snippetExcerpt());
            }
        }
    }

    private static void attachmentsOut(ArrayNode list, List<AttachmentOutput> attachments) {
        for (AttachmentOutput a : attachments) {
            ObjectNode o = list.addObject();
            putIf(o, "name", a.name());
            o.put("status", a.status());
            if (a.errorMessage() != null) {
                o.putObject("error").put("errorMessage", a.errorMessage()).put("errorCode", a.errorCode());
            }
            putIf(o, "attachmentId", a.attachmentId());
            putIf(o, "conversationId", a.conversationId());
        }
    }

    private WireResponse listConversations(QBusinessCall call) {
        Page<ConversationRecord> page = history.listConversations(call.caller(), call.label("applicationId"),
                call.input().queryParam("userId"), call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode o = JsonResponses.object();
        ArrayNode list = o.putArray("conversations");
        for (ConversationRecord c : page.items()) {
            ObjectNode item = list.addObject().put("conversationId", c.conversationId()).put("title", c.title());
            JsonResponses.putTimestamp(item, "startTime", c.startTime());
        }
        putIf(o, "nextToken", page.nextToken());
        return JsonResponses.ok(o);
    }

    private WireResponse listMessages(QBusinessCall call) {
        Page<ChatMessage> page = history.listMessages(call.caller(), call.label("applicationId"),
                call.input().queryParam("userId"), call.label("conversationId"), call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode o = JsonResponses.object();
        ArrayNode list = o.putArray("messages");
        for (ChatMessage m : page.items()) {
            ObjectNode item = list.addObject().put("messageId", m.messageId()).put("body", m.body()).put("type", m.type());
            JsonResponses.putTimestamp(item, "time", m.time());
            attachmentsOut(item.putArray("attachments"), m.attachments());
            attributions(item.putArray("sourceAttribution"), m.sourceAttributions());
        }
        putIf(o, "nextToken", page.nextToken());
        return JsonResponses.ok(o);
    }

    private WireResponse deleteConversation(QBusinessCall call) {
        history.deleteConversation(call.caller(), call.label("applicationId"), call.input().queryParam("userId"),
                call.label("conversationId"));
        return ControlPlaneOutput.empty();
    }

    private WireResponse putFeedback(QBusinessCall call) {
        JsonInput body = call.body();
        ObjectNode usefulness = body.object("messageUsefulness");
        JsonInput u = usefulness == null ? null : new JsonInput(usefulness);
        history.putFeedback(call.caller(), call.label("applicationId"), call.input().queryParam("userId"),
                call.label("conversationId"), call.label("messageId"),
                u == null ? null : u.requiredString("usefulness", 1, 20), u == null ? null : u.string("reason", 1, 64),
                u == null ? null : u.string("comment", 0, 1000), u == null ? null : u.timestamp("submittedAt"),
                body.timestamp("messageCopiedAt"));
        return ControlPlaneOutput.empty();
    }

    private WireResponse explainAccess(QBusinessCall call) {
        List<MessageAccess.DocumentAccess> docs = access.explain(call.caller(), call.label("applicationId"),
                call.label("conversationId"), call.label("messageId"));
        ObjectNode o = JsonResponses.object().put("messageId", call.label("messageId"));
        ArrayNode list = o.putArray("documents");
        for (MessageAccess.DocumentAccess d : docs) {
            ObjectNode item = list.addObject().put("citationNumber", d.citationNumber())
                    .put("documentId", d.documentId()).put("indexId", d.indexId());
            putIf(item, "title", d.title());
            item.put("readable", d.readable()).put("reason", d.reason()).put("denyMatched", d.denyMatched());
            ArrayNode allows = item.putArray("matchedAllow");
            for (MessageAccess.Match m : d.matchedAllows()) {
                ObjectNode match = allows.addObject().put("type", m.type()).put("name", m.name())
                        .put("membershipType", m.membershipType());
                putIf(match, "path", m.path());
            }
        }
        return JsonResponses.ok(o);
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }
}

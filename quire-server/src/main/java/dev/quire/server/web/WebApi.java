package dev.quire.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.core.chat.ChatHistory;
import dev.quire.core.chat.ChatInput;
import dev.quire.core.chat.ChatMessage;
import dev.quire.core.chat.ChatService;
import dev.quire.core.chat.MessageAccess;
import dev.quire.core.qbusiness.webexperience.WebExperienceSettings;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.spi.identity.Caller;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's JSON API under {@code <endpoint>api/}. Every call acts AS the session's caller and is
 * authorized with the role's policies for the same qbusiness action the API would need, on the
 * application's ARN; state-changing calls also need the session's CSRF token in X-Quire-CSRF.
 */
final class WebApi {
    static final List<String> SAMPLE_PROMPTS = List.of("What can you help me with?",
            "Who are the project team members?", "What should a new team member do first?");

    private final ChatService chat;
    private final ChatHistory history;
    private final MessageAccess access;
    private final WebPermissions permissions;
    private final WebLogin login;

    WebApi(ChatService chat, ChatHistory history, MessageAccess access, WebPermissions permissions, WebLogin login) {
        this.chat = chat;
        this.history = history;
        this.access = access;
        this.permissions = permissions;
        this.login = login;
    }

    /** @param route the path after {@code api/}, e.g. {@code conversations/<id>/messages} */
    WireResponse handle(WebTarget t, WireRequest r, String route, String cookie, WebSessions.Session s) {
        String method = r.method();
        boolean changes = !method.equals("GET") && !method.equals("HEAD");
        if (changes && !WebLogin.constantTimeEquals(s.csrfToken(), r.headers().first("x-quire-csrf"))) {
            return WebHttp.error(403, "CsrfTokenMissing", "This request needs the page's X-Quire-CSRF token.");
        }
        Caller caller = caller(s);
        String app = t.app().applicationId();
        String[] p = route.split("/", -1);
        if (route.equals("config") && method.equals("GET")) {
            return WebHttp.json(200, config(t, s));
        }
        if (route.equals("logout") && method.equals("POST")) {
            return login.logout(t, cookie, s);
        }
        if (route.equals("chat") && method.equals("POST")) {
            require(caller, t, "ChatSync");
            JsonNode in = body(r);
            ChatInput input = new ChatInput(text(in, "message"), text(in, "conversationId"),
                    text(in, "parentMessageId"), null, null, List.of(), null);
            // every check runs here, before the 200 and the first event; only generation streams
            return WebHttp.streaming(200, "text/event-stream; charset=utf-8",
                    new ChatEventStream(chat.prepare(caller, t.region(), app, null, input)));
        }
        if (route.equals("conversations") && method.equals("GET")) {
            require(caller, t, "ListConversations");
            List<Map<String, Object>> out = new ArrayList<>();
            history.listConversations(caller, app, null, null, null).items().forEach(c -> out.add(Map.of(
                    "conversationId", c.conversationId(), "title", c.title(), "startTime", c.startTime().toString())));
            return WebHttp.json(200, Map.of("conversations", out));
        }
        if (p.length == 2 && p[0].equals("conversations") && method.equals("DELETE")) {
            require(caller, t, "DeleteConversation");
            history.deleteConversation(caller, app, null, p[1]);
            return WebHttp.json(200, Map.of());
        }
        if (p.length == 3 && p[0].equals("conversations") && p[2].equals("messages") && method.equals("GET")) {
            require(caller, t, "ListMessages");
            List<Map<String, Object>> out = new ArrayList<>();
            for (ChatMessage m : history.listMessages(caller, app, null, p[1], null, null).items()) {
                out.add(Map.of("messageId", m.messageId(), "type", m.type(), "body", m.body(),
                        "sourceAttributions", ChatEventStream.sources(m.sourceAttributions())));
            }
            return WebHttp.json(200, Map.of("messages", out));
        }
        if (p.length == 5 && p[0].equals("conversations") && p[2].equals("messages") && p[4].equals("access")
                && method.equals("GET")) {
            require(caller, t, "ListMessages"); // as the API: QuireExplainMessageAccess needs ListMessages
            return WebHttp.json(200, Map.of("documents", access.explain(caller, app, p[1], p[3])));
        }
        if (route.equals("feedback") && method.equals("POST")) {
            require(caller, t, "PutFeedback");
            JsonNode in = body(r);
            history.putFeedback(caller, app, null, text(in, "conversationId"), text(in, "messageId"),
                    text(in, "usefulness"), null, null, java.time.Instant.now(), null);
            return WebHttp.json(200, Map.of());
        }
        return WebHttp.error(404, "NotFound", "No such web-experience API route.");
    }

    /** The caller a session acts as: what CredentialDirectory builds from the session's claims. */
    static Caller caller(WebSessions.Session s) {
        String roleName = s.roleArn().substring(s.roleArn().lastIndexOf('/') + 1);
        return new Caller(s.accountId(), "arn:aws:sts::" + s.accountId() + ":assumed-role/" + roleName + "/"
                + s.sessionName(), s.roleId() + ":" + s.sessionName(), s.roleArn(), s.tags(), s.expiresAt());
    }

    private void require(Caller caller, WebTarget t, String operation) {
        if (!permissions.callerMay(caller, "qbusiness:" + operation, t.app().applicationArn())) {
            throw new dev.quire.spi.error.ApiError(dev.quire.spi.error.ErrorCode.ACCESS_DENIED, caller.arn()
                    + " is not authorized to perform qbusiness:" + operation + " on " + t.app().applicationArn());
        }
    }

    private static Map<String, Object> config(WebTarget t, WebSessions.Session s) {
        WebExperienceSettings w = t.experience().settings();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", w.title() == null ? "Quire" : w.title());
        out.put("subtitle", w.subtitle() == null ? "" : w.subtitle());
        out.put("welcomeMessage", w.welcomeMessage() == null ? "" : w.welcomeMessage());
        out.put("samplePrompts", "ENABLED".equals(w.samplePromptsControlMode()) ? SAMPLE_PROMPTS : List.of());
        out.put("email", s.tags().getOrDefault("Email", s.sessionName()));
        out.put("csrfToken", s.csrfToken());
        return out;
    }

    private static JsonNode body(WireRequest r) {
        try {
            return WebHttp.JSON.readTree(r.body());
        } catch (IOException e) {
            throw dev.quire.spi.error.ApiError.cannotParse("The request body is not JSON.");
        }
    }

    private static String text(JsonNode in, String field) {
        JsonNode v = in == null ? null : in.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

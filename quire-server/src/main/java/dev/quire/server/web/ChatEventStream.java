package dev.quire.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quire.core.chat.ChatOutput;
import dev.quire.core.chat.ChatStreamListener;
import dev.quire.core.chat.ChatTurn;
import dev.quire.core.chat.SourceAttribution;
import dev.quire.protocol.http.StreamingBody;
import dev.quire.spi.error.ApiError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat answer as Server-Sent Events, written as it is generated: {@code text} events with the
 * text the blocked-phrase guard released, {@code blocked} when everything shown must be replaced
 * by the blocked message, then {@code done} with the stored message, its ids and its sources. A
 * failure after the first event ends the stream with an {@code error} event.
 */
final class ChatEventStream implements StreamingBody {
    private final ChatTurn turn;
    private OutputStream out;
    private boolean clientGone;

    ChatEventStream(ChatTurn turn) {
        this.turn = turn;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        this.out = out;
        ChatOutput result = turn.stream(new ChatStreamListener() {
            @Override
            public void onText(String text) {
                send("text", Map.of("text", text));
            }

            @Override
            public void onBlocked(String blockedMessage) {
                send("blocked", Map.of("message", blockedMessage));
            }
        });
        send("done", done(result));
    }

    @Override
    public byte[] failureEnding(RuntimeException failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (failure instanceof ApiError e) { // written for the caller, as the JSON API would answer it
            error.put("error", e.code().wireCode());
            error.put("message", e.getMessage());
        } else {
            error.put("error", "InternalError");
            error.put("message", "The answer failed; see the server log.");
        }
        return event("error", error);
    }

    /**
     * Writes and flushes one event. A client that went away does not stop the turn: the answer is
     * still stored, as a ChatSync whose caller hung up would be.
     */
    private synchronized void send(String name, Object data) {
        if (clientGone) {
            return;
        }
        try {
            out.write(event(name, data));
            out.flush();
        } catch (IOException e) {
            clientGone = true;
        }
    }

    static byte[] event(String name, Object data) {
        try {
            return ("event: " + name + "\ndata: " + WebHttp.JSON.writeValueAsString(data) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> done(ChatOutput out) {
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("conversationId", out.conversationId());
        done.put("userMessageId", out.userMessageId());
        done.put("systemMessageId", out.systemMessageId());
        done.put("systemMessage", out.systemMessage());
        done.put("sourceAttributions", sources(out.sourceAttributions()));
        return done;
    }

    static List<Map<String, Object>> sources(List<SourceAttribution> attributions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SourceAttribution a : attributions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("citationNumber", a.citationNumber());
            m.put("title", a.title());
            m.put("snippet", a.snippet());
            m.put("url", a.url());
            m.put("documentId", a.documentId());
            out.add(m);
        }
        return out;
    }
}

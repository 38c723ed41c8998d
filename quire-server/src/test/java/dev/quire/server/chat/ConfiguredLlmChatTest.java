package dev.quire.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quire.server.AnswerConfiguration;
import dev.quire.server.support.RunningQuire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ChatSyncResponse;

/**
 * A server configured as an administrator would ({@code QUIRE_LLM_*}) answers ChatSync through the
 * model, over the OpenAI chat-completions wire format, and the prompt it sends carries only what
 * the asking user may read.
 */
class ConfiguredLlmChatTest {
    static final String MODEL_ANSWER = "The ACME project team members are Mary Major, Martha Rivera and John Doe [1].";

    @TempDir
    Path dataDir;

    @Test
    void chatSyncAnswersThroughTheConfiguredModelWithOnlyReadablePassagesInThePrompt() throws Exception {
        List<String> prompts = new CopyOnWriteArrayList<>();
        HttpServer model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        model.createContext("/v1/chat/completions", exchange -> answer(exchange, prompts));
        model.start();
        Map<String, String> env = Map.of("QUIRE_LLM_PROVIDER", "openai-compatible",
                "QUIRE_LLM_BASE_URL", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1",
                "QUIRE_LLM_MODEL", "test-model", "QUIRE_LLM_STREAMING", "false");
        try (RunningQuire quire = RunningQuire.h2(dataDir, AnswerConfiguration.fromEnvironment(env))) {
            assertThat(quire.server().answerGeneratorName()).isEqualTo("openai:test-model");
            ChatScene scene = new ChatScene(quire);
            try (QBusinessClient qb = quire.qbusiness(scene.oidcSession("mary"))) {
                ChatSyncResponse r = qb.chatSync(c -> c.applicationId(scene.app).userMessage(ChatScene.QUESTION));
                assertThat(r.systemMessage()).contains("Mary Major, Martha Rivera and John Doe");
                assertThat(r.sourceAttributions()).isNotEmpty();
                assertThat(r.sourceAttributions()).allSatisfy(a -> assertThat(a.title()).startsWith("ACME"));
            }
        } finally {
            model.stop(0);
        }
        assertThat(prompts).hasSize(1);
        assertThat(prompts.get(0)).contains("ACME project team members are Mary Major");
        for (String unreadable : List.of("Diego Ramirez", "Nikki Wolf", "Zhang Wei", "Olga Petrova")) {
            assertThat(prompts.get(0)).doesNotContain(unreadable);
        }
    }

    /** One non-streaming chat.completion, as OpenAI documents it. */
    private static void answer(HttpExchange exchange, List<String> prompts) throws IOException {
        try (exchange) {
            prompts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String body = new ObjectMapper().writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                    "created", 1_764_000_000, "model", "test-model",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", MODEL_ANSWER))),
                    "usage", Map.of("prompt_tokens", 100, "completion_tokens", 20, "total_tokens", 120)));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}

package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.Citation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a stand-in speaking the OpenAI chat-completions wire format, plain and SSE. */
class OpenAiCompatibleWireTest {

    static LoopbackServer.Reply reply(LoopbackServer.Recorded request) {
        if (!request.json().path("stream").asBoolean(false)) {
            return LoopbackServer.Reply.json("""
                    {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"llama3",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":120,"completion_tokens":30,"total_tokens":150}}"""
                    .formatted(quote(Fixtures.MODEL_ANSWER)));
        }
        List<String> events = new ArrayList<>();
        events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String piece : Fixtures.MODEL_CHUNKS) {
            events.add(chunk("{\"content\":" + quote(piece) + "}", null));
        }
        events.add(chunk("{}", "\"stop\""));
        events.add("data: [DONE]\n\n");
        return LoopbackServer.Reply.sse(events);
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"llama3\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

    static String quote(String text) {
        return LoopbackServer.JSON.getNodeFactory().textNode(text).toString();
    }

    private static LlmAnswerGenerator generator(LoopbackServer server, String apiKey) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("provider", "openai-compatible",
                "base-url", server.baseUrl() + "/v1", "model", "llama3", "temperature", "0.1"));
        if (apiKey != null) {
            config.put("api-key", apiKey);
        }
        return LlmProviders.create(config);
    }

    static SentPrompt sentPrompt(JsonNode body) {
        String system = null;
        List<SentPrompt.Message> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asText();
            JsonNode content = message.path("content");
            String text = content.isTextual() ? content.asText() : content.path(0).path("text").asText();
            if (role.equals("system")) {
                system = text;
            } else {
                messages.add(new SentPrompt.Message(role, text));
            }
        }
        return new SentPrompt(system, messages);
    }

    @Test
    void sendsOnlyThePassagesAndHistoryWithTheRulesAndParsesCitations() throws Exception {
        try (LoopbackServer server = new LoopbackServer(OpenAiCompatibleWireTest::reply)) {
            LlmAnswerGenerator generator = generator(server, "sk-test-123");

            Answer answer = generator.generate(Fixtures.request(false));

            LoopbackServer.Recorded sent = server.onlyRequest();
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.path()).isEqualTo("/v1/chat/completions");
            assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-123");
            assertThat(sent.json().path("model").asText()).isEqualTo("llama3");
            assertThat(sent.json().path("temperature").asDouble()).isEqualTo(0.1);
            SentPrompt prompt = sentPrompt(sent.json());
            prompt.assertCarriesOnly(Fixtures.request(false), "assistant");
            prompt.assertInjectionContained();

            assertThat(generator.name()).isEqualTo("openai:llama3");
            assertThat(answer.text()).isEqualTo(Fixtures.EXPECTED_ANSWER);
            assertThat(answer.grounded()).isTrue();
            assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(1, 2);
            Citation first = answer.citations().get(0);
            assertThat(answer.text().substring(first.beginOffset(), first.endOffset()))
                    .isEqualTo("Business class is allowed for flights longer than six hours");
            assertThat(first.snippetExcerpt()).isEqualTo("Business class is allowed for flights longer than six hours.");
            Citation second = answer.citations().get(1);
            assertThat(answer.text().substring(second.beginOffset(), second.endOffset()))
                    .isEqualTo("File them in the expense tool");
            assertThat(second.snippetExcerpt()).isEqualTo("Expenses are filed in the Concur tool.");
        }
    }

    @Test
    void streamingDeliversFilteredIncrementsInOrder() throws Exception {
        try (LoopbackServer server = new LoopbackServer(OpenAiCompatibleWireTest::reply)) {
            List<String> increments = new ArrayList<>();

            Answer answer = generator(server, "sk-test-123").generateStreaming(Fixtures.request(true), increments::add);

            assertThat(server.onlyRequest().json().path("stream").asBoolean()).isTrue();
            sentPrompt(server.onlyRequest().json()).assertInjectionContained();
            assertThat(increments).containsExactly("Business class is allowed",
                    " for flights longer than six hours", " [1]. Submit receipts within 30 days",
                    ". File them in the expense tool [2]", ".");
            assertThat(String.join("", increments)).isEqualTo(answer.text()).isEqualTo(Fixtures.EXPECTED_ANSWER);
            assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(1, 2);
        }
    }

    @Test
    void enterpriseOnlyStreamingHoldsTextBackUntilTheFirstValidCitation() throws Exception {
        try (LoopbackServer server = new LoopbackServer(OpenAiCompatibleWireTest::reply)) {
            List<String> increments = new ArrayList<>();

            Answer answer = generator(server, "sk-test-123").generateStreaming(Fixtures.request(false), increments::add);

            assertThat(increments).containsExactly(
                    "Business class is allowed for flights longer than six hours [1]. Submit receipts within 30 days",
                    ". File them in the expense tool [2]", ".");
            assertThat(String.join("", increments)).isEqualTo(answer.text());
        }
    }

    @Test
    void localServerWithoutApiKeyGetsNoBearerToken() throws Exception {
        try (LoopbackServer server = new LoopbackServer(OpenAiCompatibleWireTest::reply)) {
            Answer answer = generator(server, null).generate(Fixtures.request(false));

            assertThat(server.onlyRequest().header("Authorization")).isNull();
            assertThat(answer.grounded()).isTrue();
        }
    }

    @Test
    void allowsNoMessageBeyondTheRequestedOnes() throws Exception {
        try (LoopbackServer server = new LoopbackServer(OpenAiCompatibleWireTest::reply)) {
            generator(server, "k").generate(Fixtures.request(false));

            JsonNode body = server.onlyRequest().json();
            assertThat(body.path("messages")).hasSize(1 + Fixtures.HISTORY.size() + 1);
            assertThat(((ObjectNode) body).has("tools")).isFalse();
        }
    }
}

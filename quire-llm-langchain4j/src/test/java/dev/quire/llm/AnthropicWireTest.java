package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.Citation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.quire.llm.OpenAiCompatibleWireTest.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** Against a stand-in speaking Anthropic's Messages API, plain and with its SSE event types. */
class AnthropicWireTest {
    static final String MODEL = "claude-test-1";

    static LoopbackServer.Reply reply(LoopbackServer.Recorded request) {
        if (!request.json().path("stream").asBoolean(false)) {
            return LoopbackServer.Reply.json("""
                    {"id":"msg_01","type":"message","role":"assistant","model":"%s",
                     "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                     "usage":{"input_tokens":120,"output_tokens":30}}""".formatted(MODEL, quote(Fixtures.MODEL_ANSWER)));
        }
        List<String> events = new ArrayList<>();
        events.add(event("message_start", """
                {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","model":"%s",\
                "content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":120,"output_tokens":1}}}"""
                .formatted(MODEL)));
        events.add(event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        events.add(event("ping", "{\"type\":\"ping\"}"));
        for (String piece : Fixtures.MODEL_CHUNKS) {
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(piece) + "}}"));
        }
        events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":30}}"));
        events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        return LoopbackServer.Reply.sse(events);
    }

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    private static LlmAnswerGenerator generator(LoopbackServer server) {
        return LlmProviders.create(Map.of("provider", "anthropic", "api-key", "sk-ant-test",
                "model", MODEL, "base-url", server.baseUrl() + "/v1/", "max-tokens", "500"));
    }

    private static SentPrompt sentPrompt(JsonNode body) {
        JsonNode system = body.path("system");
        String systemText = system.isTextual() ? system.asText() : system.path(0).path("text").asText();
        List<SentPrompt.Message> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            JsonNode content = message.path("content");
            assertThat(content.size()).as("one text block per message").isLessThanOrEqualTo(1);
            String text = content.isTextual() ? content.asText() : content.path(0).path("text").asText();
            messages.add(new SentPrompt.Message(message.path("role").asText(), text));
        }
        return new SentPrompt(systemText, messages);
    }

    @Test
    void sendsThePromptWithApiKeyAndVersionAndParsesCitations() throws Exception {
        try (LoopbackServer server = new LoopbackServer(AnthropicWireTest::reply)) {
            LlmAnswerGenerator generator = generator(server);

            Answer answer = generator.generate(Fixtures.request(false));

            LoopbackServer.Recorded sent = server.onlyRequest();
            assertThat(sent.path()).isEqualTo("/v1/messages");
            assertThat(sent.header("x-api-key")).isEqualTo("sk-ant-test");
            assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(sent.header("Authorization")).isNull();
            assertThat(sent.json().path("model").asText()).isEqualTo(MODEL);
            assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(500);
            SentPrompt prompt = sentPrompt(sent.json());
            prompt.assertCarriesOnly(Fixtures.request(false), "assistant");
            prompt.assertInjectionContained();

            assertThat(generator.name()).isEqualTo("anthropic:" + MODEL);
            assertThat(answer.text()).isEqualTo(Fixtures.EXPECTED_ANSWER);
            assertThat(answer.grounded()).isTrue();
            assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(1, 2);
        }
    }

    @Test
    void streamingDeliversTextDeltasInOrderWithoutTheUnofferedMarker() throws Exception {
        try (LoopbackServer server = new LoopbackServer(AnthropicWireTest::reply)) {
            List<String> increments = new ArrayList<>();

            Answer answer = generator(server).generateStreaming(Fixtures.request(true), increments::add);

            assertThat(server.onlyRequest().json().path("stream").asBoolean()).isTrue();
            assertThat(increments).containsExactly("Business class is allowed",
                    " for flights longer than six hours", " [1]. Submit receipts within 30 days",
                    ". File them in the expense tool [2]", ".");
            assertThat(String.join("", increments)).isEqualTo(answer.text()).isEqualTo(Fixtures.EXPECTED_ANSWER);
            assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(1, 2);
        }
    }
}

package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.Citation;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.quire.llm.OpenAiCompatibleWireTest.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a stand-in speaking the Bedrock Converse API (JSON) and ConverseStream (AWS event-stream
 * frames), through the real AWS SDK client with an endpoint override and static credentials.
 */
class BedrockWireTest {
    private static final String MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String ENCODED_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1%3A0";

    static LoopbackServer.Reply reply(LoopbackServer.Recorded request) {
        if (request.path().endsWith("/converse")) {
            return LoopbackServer.Reply.json("""
                    {"output":{"message":{"role":"assistant","content":[{"text":%s}]}},"stopReason":"end_turn",
                     "usage":{"inputTokens":120,"outputTokens":30,"totalTokens":150},"metrics":{"latencyMs":42}}"""
                    .formatted(quote(Fixtures.MODEL_ANSWER)));
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(frame("messageStart", "{\"role\":\"assistant\"}"));
        for (String piece : Fixtures.MODEL_CHUNKS) {
            frames.add(frame("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":" + quote(piece) + "}}"));
        }
        frames.add(frame("contentBlockStop", "{\"contentBlockIndex\":0}"));
        frames.add(frame("messageStop", "{\"stopReason\":\"end_turn\"}"));
        frames.add(frame("metadata", "{\"usage\":{\"inputTokens\":120,\"outputTokens\":30,\"totalTokens\":150},"
                + "\"metrics\":{\"latencyMs\":42}}"));
        return new LoopbackServer.Reply(200, "application/vnd.amazon.eventstream", frames);
    }

    private static byte[] frame(String eventType, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString(eventType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        return new Message(headers, json.getBytes(StandardCharsets.UTF_8)).toByteBuffer().array();
    }

    static LlmAnswerGenerator generator(LoopbackServer server) {
        return LlmProviders.create(Map.of("provider", "bedrock", "region", "us-east-1", "model", MODEL_ID,
                "endpoint", server.baseUrl(), "aws-access-key-id", "AKIDQUIRETEST",
                "aws-secret-access-key", "secret-for-tests-only", "temperature", "0.2"));
    }

    private static SentPrompt sentPrompt(JsonNode body) {
        List<SentPrompt.Message> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            assertThat(message.path("content")).hasSize(1);
            messages.add(new SentPrompt.Message(message.path("role").asText(),
                    message.path("content").path(0).path("text").asText()));
        }
        return new SentPrompt(body.path("system").path(0).path("text").asText(), messages);
    }

    private static void assertSignedWithSigV4(LoopbackServer.Recorded sent) {
        assertThat(sent.header("Authorization"))
                .matches("AWS4-HMAC-SHA256 Credential=AKIDQUIRETEST/\\d{8}/us-east-1/bedrock/aws4_request,"
                        + " SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}");
        assertThat(sent.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
    }

    @Test
    void conversesWithTheModelSignedAndParsesCitations() throws Exception {
        try (LoopbackServer server = new LoopbackServer(BedrockWireTest::reply)) {
            LlmAnswerGenerator generator = generator(server);

            Answer answer = generator.generate(Fixtures.request(false));

            LoopbackServer.Recorded sent = server.onlyRequest();
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.path()).isEqualTo("/model/" + ENCODED_MODEL_ID + "/converse");
            assertSignedWithSigV4(sent);
            assertThat(sent.json().path("inferenceConfig").path("temperature").asDouble()).isEqualTo(0.2);
            SentPrompt prompt = sentPrompt(sent.json());
            prompt.assertCarriesOnly(Fixtures.request(false), "assistant");
            prompt.assertInjectionContained();

            assertThat(generator.name()).isEqualTo("bedrock:" + MODEL_ID);
            assertThat(answer.text()).isEqualTo(Fixtures.EXPECTED_ANSWER);
            assertThat(answer.grounded()).isTrue();
            assertThat(answer.citations()).extracting(Citation::citationNumber).containsExactly(1, 2);
        }
    }

    @Test
    void converseStreamDeliversDeltasInOrder() throws Exception {
        try (LoopbackServer server = new LoopbackServer(BedrockWireTest::reply)) {
            List<String> increments = new ArrayList<>();

            Answer answer = generator(server).generateStreaming(Fixtures.request(true), increments::add);

            LoopbackServer.Recorded sent = server.onlyRequest();
            assertThat(sent.path()).isEqualTo("/model/" + ENCODED_MODEL_ID + "/converse-stream");
            assertSignedWithSigV4(sent);
            sentPrompt(sent.json()).assertInjectionContained();
            assertThat(increments).containsExactly("Business class is allowed",
                    " for flights longer than six hours", " [1]. Submit receipts within 30 days",
                    ". File them in the expense tool [2]", ".");
            assertThat(String.join("", increments)).isEqualTo(answer.text()).isEqualTo(Fixtures.EXPECTED_ANSWER);
        }
    }
}

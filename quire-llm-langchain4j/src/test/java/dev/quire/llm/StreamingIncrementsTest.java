package dev.quire.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.answer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The streaming adapters hand text on while the provider is still sending: the loopback provider
 * stops before its last content chunks until the consumer has received its first increment. An
 * adapter that waited for the whole reply would leave the provider waiting until it gave up.
 * OpenAI-compatible, Anthropic and Bedrock (ConverseStream) all stream.
 */
class StreamingIncrementsTest {
    private static final long PATIENCE_SECONDS = 20;

    /** Runs one streamed answer with the provider pausing before chunk {@code pauseAt}. */
    private static void assertIncrementsArriveDuringTheReply(Function<LoopbackServer, LlmAnswerGenerator> generator,
                                                             Function<LoopbackServer.Recorded, LoopbackServer.Reply> reply,
                                                             int pauseAt) throws Exception {
        CountDownLatch firstIncrement = new CountDownLatch(1);
        AtomicBoolean providerWaitedForIt = new AtomicBoolean();
        try (LoopbackServer server = new LoopbackServer(reply, chunk -> {
            if (chunk == pauseAt) {
                try {
                    providerWaitedForIt.set(firstIncrement.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            List<String> increments = new ArrayList<>();
            Answer answer = generator.apply(server).generateStreaming(Fixtures.request(true), text -> {
                increments.add(text);
                firstIncrement.countDown();
            });
            assertThat(providerWaitedForIt).as("the first increment arrived while the provider was still sending")
                    .isTrue();
            assertThat(String.join("", increments)).isEqualTo(answer.text()).isEqualTo(Fixtures.EXPECTED_ANSWER);
        }
    }

    @Test
    void openAiCompatibleChunksAreHandedOnAsTheyArrive() throws Exception {
        // chunks: role, two content pieces, then the pause before the rest
        assertIncrementsArriveDuringTheReply(server -> LlmProviders.create(Map.of("provider", "openai-compatible",
                "base-url", server.baseUrl() + "/v1", "model", "llama3")), OpenAiCompatibleWireTest::reply, 3);
    }

    @Test
    void anthropicTextDeltasAreHandedOnAsTheyArrive() throws Exception {
        // events: message_start, content_block_start, ping, two text deltas, then the pause
        assertIncrementsArriveDuringTheReply(server -> LlmProviders.create(Map.of("provider", "anthropic",
                "api-key", "sk-ant-test", "base-url", server.baseUrl() + "/v1/", "model", AnthropicWireTest.MODEL)),
                AnthropicWireTest::reply, 5);
    }

    @Test
    void bedrockConverseStreamDeltasAreHandedOnAsTheyArrive() throws Exception {
        // frames: messageStart, two contentBlockDelta, then the pause
        assertIncrementsArriveDuringTheReply(BedrockWireTest::generator, BedrockWireTest::reply, 3);
    }
}

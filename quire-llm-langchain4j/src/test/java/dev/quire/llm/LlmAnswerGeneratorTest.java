package dev.quire.llm;

import dev.quire.spi.answer.Answer;
import dev.quire.spi.answer.AnswerRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.quire.llm.OpenAiCompatibleWireTest.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grounding decisions, through a real client against an OpenAI-compatible stand-in. */
class LlmAnswerGeneratorTest {

    private static LoopbackServer replying(String modelText) throws Exception {
        return new LoopbackServer(request -> LoopbackServer.Reply.json("""
                {"id":"c","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}]}"""
                .formatted(quote(modelText))));
    }

    private static LlmAnswerGenerator generator(LoopbackServer server) {
        return LlmProviders.create(Map.of("provider", "openai-compatible", "base-url", server.baseUrl() + "/v1",
                "model", "m", "streaming", "false"));
    }

    @Test
    void enterpriseOnlyAnswerWithoutValidCitationBecomesNotFound() throws Exception {
        try (LoopbackServer server = replying("Tokyo flights are always first class [7].")) {
            List<String> streamed = new ArrayList<>();
            Answer answer = generator(server).generateStreaming(Fixtures.request(false), streamed::add);

            assertThat(answer.text()).isEqualTo(LlmAnswerGenerator.NOT_FOUND_TEXT);
            assertThat(answer.grounded()).isFalse();
            assertThat(answer.citations()).isEmpty();
            assertThat(streamed).containsExactly(LlmAnswerGenerator.NOT_FOUND_TEXT);
        }
    }

    @Test
    void enterpriseOnlyUncitedAnswerIsNeverPresentedAsGrounded() throws Exception {
        try (LoopbackServer server = replying("Business class is fine for any trip.")) {
            Answer answer = generator(server).generate(Fixtures.request(false));

            assertThat(answer.text()).isEqualTo(LlmAnswerGenerator.NOT_FOUND_TEXT);
            assertThat(answer.grounded()).isFalse();
        }
    }

    @Test
    void generalKnowledgeAnswerWithoutCitationIsKeptButUngrounded() throws Exception {
        try (LoopbackServer server = replying("Tokyo is about 12 hours from Paris [7].")) {
            Answer answer = generator(server).generate(Fixtures.request(true));

            assertThat(answer.text()).isEqualTo("Tokyo is about 12 hours from Paris.");
            assertThat(answer.grounded()).isFalse();
            assertThat(answer.citations()).isEmpty();
        }
    }

    @Test
    void withNoPassagesAndEnterpriseOnlyTheModelIsNotAsked() throws Exception {
        try (LoopbackServer server = replying("Invented [1].")) {
            Answer answer = generator(server).generate(new AnswerRequest("q?", List.of(), List.of(), false));

            assertThat(server.requests()).isEmpty();
            assertThat(answer.text()).isEqualTo(LlmAnswerGenerator.NOT_FOUND_TEXT);
            assertThat(answer.grounded()).isFalse();
        }
    }

    @Test
    void aMarkerForAPassageThatDidNotFitTheBudgetIsDropped() throws Exception {
        try (LoopbackServer server = replying("Economy on short flights [1]. Concur [12].")) {
            List<dev.quire.spi.answer.SourcePassage> passages = new ArrayList<>();
            passages.add(Fixtures.TRAVEL);
            for (int n = 2; n <= 12; n++) {
                passages.add(new dev.quire.spi.answer.SourcePassage(n, "d" + n, "t", "y".repeat(1_000), "u"));
            }
            LlmAnswerGenerator small = LlmProviders.create(Map.of("provider", "openai-compatible",
                    "base-url", server.baseUrl() + "/v1", "model", "m", "max-prompt-chars", "4000"));

            Answer answer = small.generate(new AnswerRequest("q?", List.of(), passages, false));

            String sent = server.onlyRequest().json().toString();
            assertThat(sent).contains("<<<PASSAGE 1 ").doesNotContain("<<<PASSAGE 12 ");
            assertThat(answer.text()).isEqualTo("Economy on short flights [1]. Concur.");
            assertThat(answer.grounded()).isTrue();
        }
    }

    @Test
    void providerFailureIsReportedWithTheGeneratorName() throws Exception {
        try (LoopbackServer server = new LoopbackServer(request -> new LoopbackServer.Reply(500, "application/json",
                List.of("{\"error\":{\"message\":\"boom\"}}".getBytes())))) {
            LlmAnswerGenerator generator = LlmProviders.create(Map.of("provider", "openai-compatible",
                    "base-url", server.baseUrl() + "/v1", "model", "m"));

            assertThatThrownBy(() -> generator.generate(Fixtures.request(false)))
                    .isInstanceOf(LlmAnswerGenerator.LlmAnswerException.class)
                    .hasMessageContaining("openai:m");
        }
    }
}

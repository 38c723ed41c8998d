package dev.quire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** QUIRE_LLM_* → the answer generator; a half-configured model stops the start, naming what is wrong. */
class AnswerConfigurationTest {

    @Test
    void withoutLlmVariablesAnswersAreExtractive() {
        assertThat(AnswerConfiguration.fromEnvironment(Map.of("PATH", "/usr/bin")).name()).isEqualTo("extractive");
        assertThat(AnswerConfiguration.fromEnvironment(Map.of("QUIRE_LLM_PROVIDER", "  ")).name()).isEqualTo("extractive");
    }

    @Test
    void variablesBecomeProviderProperties() {
        assertThat(AnswerConfiguration.llmProperties(Map.of("QUIRE_LLM_BASE_URL", "http://127.0.0.1:1/v1",
                "QUIRE_LLM_MAX_PROMPT_CHARS", "5000", "QUIRE_LLM_", "x", "OTHER_LLM_MODEL", "y")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("base-url", "http://127.0.0.1:1/v1", "max-prompt-chars", "5000"));
        var generator = AnswerConfiguration.fromEnvironment(Map.of("QUIRE_LLM_PROVIDER", "openai-compatible",
                "QUIRE_LLM_BASE_URL", "http://127.0.0.1:1/v1", "QUIRE_LLM_MODEL", "llama3.1"));
        assertThat(generator.name()).isEqualTo("openai:llama3.1");
    }

    @Test
    void settingsWithoutAProviderAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> AnswerConfiguration.fromEnvironment(Map.of("QUIRE_LLM_MODEL", "llama3.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUIRE_LLM_MODEL").hasMessageContaining("QUIRE_LLM_PROVIDER");
    }

    @Test
    void aWrongOrMissingPropertyIsNamedWithItsVariable() {
        assertThatThrownBy(() -> AnswerConfiguration.fromEnvironment(Map.of("QUIRE_LLM_PROVIDER", "openai-compatible",
                "QUIRE_LLM_MODEL", "m")))
                .hasMessageContaining("base-url").hasMessageContaining("QUIRE_LLM_BASE_URL");
        assertThatThrownBy(() -> AnswerConfiguration.fromEnvironment(Map.of("QUIRE_LLM_PROVIDER", "openai-compatible",
                "QUIRE_LLM_BASE_URL", "http://127.0.0.1:1/v1", "QUIRE_LLM_MODEL", "m", "QUIRE_LLM_COLOUR", "blue")))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> AnswerConfiguration.fromEnvironment(Map.of("QUIRE_LLM_PROVIDER", "gpt")))
                .hasMessageContaining("unknown LLM provider 'gpt'");
    }
}

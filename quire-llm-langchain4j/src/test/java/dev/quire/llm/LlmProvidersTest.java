package dev.quire.llm;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every property key, default and error message of the provider configuration. */
class LlmProvidersTest {

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    private static final Map<String, String> OPENAI = Map.of("provider", "openai-compatible",
            "base-url", "http://127.0.0.1:11434/v1", "model", "llama3");
    private static final Map<String, String> ANTHROPIC = Map.of("provider", "anthropic",
            "api-key", "sk-ant-secret-value", "model", "claude-x");
    private static final Map<String, String> BEDROCK = Map.of("provider", "bedrock",
            "region", "us-east-1", "model", "anthropic.claude-3-haiku-20240307-v1:0");

    @Test
    void pinsFactoriesKeysAndSecrets() {
        assertThat(LlmProviders.factories()).extracting(LlmProviderFactory::name)
                .containsExactly("openai-compatible", "anthropic", "bedrock");
        assertThat(LlmProviders.factory("openai-compatible").propertyNames()).containsExactlyInAnyOrder(
                "provider", "model", "temperature", "timeout", "max-tokens", "max-prompt-chars", "streaming",
                "base-url", "api-key");
        assertThat(LlmProviders.factory("anthropic").propertyNames()).containsExactlyInAnyOrder(
                "provider", "model", "temperature", "timeout", "max-tokens", "max-prompt-chars", "streaming",
                "api-key", "base-url", "anthropic-version");
        assertThat(LlmProviders.factory("bedrock").propertyNames()).containsExactlyInAnyOrder(
                "provider", "model", "temperature", "timeout", "max-tokens", "max-prompt-chars", "streaming",
                "region", "endpoint", "aws-access-key-id", "aws-secret-access-key", "aws-session-token");
        assertThat(LlmProviders.factory("openai-compatible").secretPropertyNames()).containsExactly("api-key");
        assertThat(LlmProviders.factory("anthropic").secretPropertyNames()).containsExactly("api-key");
        assertThat(LlmProviders.factory("bedrock").secretPropertyNames())
                .containsExactlyInAnyOrder("aws-secret-access-key", "aws-session-token");
    }

    @Test
    void buildsEachProviderWithDefaults() {
        LlmAnswerGenerator openai = LlmProviders.create(OPENAI);
        assertThat(openai.name()).isEqualTo("openai:llama3");
        assertThat(openai.maxPromptChars()).isEqualTo(LlmAnswerGenerator.DEFAULT_MAX_PROMPT_CHARS);
        assertThat(LlmProviders.create(ANTHROPIC).name()).isEqualTo("anthropic:claude-x");
        assertThat(LlmProviders.create(BEDROCK).name()).isEqualTo("bedrock:anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(LlmProviders.create(with(OPENAI, "max-prompt-chars", "9000")).maxPromptChars()).isEqualTo(9000);
    }

    @Test
    void missingPropertiesAreNamed() {
        assertThatThrownBy(() -> LlmProviders.create(Map.of("model", "x")))
                .hasMessageContaining("missing required property 'provider'");
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "base-url", null)))
                .hasMessage("LLM provider 'openai-compatible': missing required property 'base-url'");
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "model", null)))
                .hasMessage("LLM provider 'openai-compatible': missing required property 'model'");
        assertThatThrownBy(() -> LlmProviders.create(with(ANTHROPIC, "api-key", " ")))
                .hasMessage("LLM provider 'anthropic': missing required property 'api-key'");
        assertThatThrownBy(() -> LlmProviders.create(with(BEDROCK, "region", null)))
                .hasMessage("LLM provider 'bedrock': missing required property 'region'");
        assertThatThrownBy(() -> LlmProviders.create(with(BEDROCK, "aws-access-key-id", "AKID")))
                .hasMessageContaining("missing required property 'aws-secret-access-key'");
        assertThatThrownBy(() -> LlmProviders.create(with(BEDROCK, "aws-secret-access-key", "s3cr3t")))
                .hasMessageContaining("missing required property 'aws-access-key-id'")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void unknownProviderAndMistypedKeysAreRejected() {
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "provider", "ollama")))
                .hasMessage("unknown LLM provider 'ollama'; known: openai-compatible, anthropic, bedrock");
        assertThatThrownBy(() -> LlmProviders.create(with(ANTHROPIC, "apikey", "x")))
                .hasMessageStartingWith("LLM provider 'anthropic': unknown property 'apikey'; accepted: ");
    }

    @Test
    void badValuesAreNamedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "temperature", "hot")))
                .hasMessage("LLM provider 'openai-compatible': property 'temperature' must be a number from 0 to 2,"
                        + " was 'hot'");
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "timeout", "soon")))
                .hasMessageContaining("property 'timeout' must be a positive duration");
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "base-url", "127.0.0.1:11434")))
                .hasMessageContaining("property 'base-url' must be an absolute http or https URL");
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "max-prompt-chars", "10")))
                .hasMessage("LLM provider 'openai-compatible': property 'max-prompt-chars' must be a whole number of at least 1000, was '10'");
        assertThatThrownBy(() -> LlmProviders.create(with(OPENAI, "streaming", "yes")))
                .hasMessageContaining("property 'streaming' must be true or false");
        assertThatThrownBy(() -> LlmProviders.create(with(BEDROCK, "endpoint", "not a url")))
                .hasMessageContaining("property 'endpoint' must be an absolute http or https URL");
    }

    @Test
    void acceptsTheDocumentedTimeoutForms() {
        for (String timeout : new String[] {"30", "30s", "2m", "PT45S"}) {
            assertThat(LlmProviders.create(with(OPENAI, "timeout", timeout)).name()).isEqualTo("openai:llama3");
        }
    }
}

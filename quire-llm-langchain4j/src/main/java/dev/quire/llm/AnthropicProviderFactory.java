package dev.quire.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Anthropic's Messages API; base-url is only for tests and gateways. */
final class AnthropicProviderFactory implements LlmProviderFactory {
    static final String NAME = "anthropic";
    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String VERSION = "anthropic-version";
    static final int DEFAULT_MAX_TOKENS = 1024; // the Messages API requires max_tokens

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> propertyNames() {
        Set<String> names = new HashSet<>(ProviderProperties.COMMON);
        names.addAll(Set.of(API_KEY, BASE_URL, VERSION));
        return Set.copyOf(names);
    }

    @Override
    public Set<String> secretPropertyNames() {
        return Set.of(API_KEY);
    }

    @Override
    public LlmAnswerGenerator create(Map<String, String> properties) {
        ProviderProperties p = new ProviderProperties(this, properties);
        String apiKey = p.required(API_KEY);
        String model = p.required(ProviderProperties.MODEL);
        String baseUrl = p.url(BASE_URL, false);
        String version = p.optional(VERSION);
        Double temperature = p.temperature();
        Duration timeout = p.timeout();
        int maxTokens = p.positiveInt(ProviderProperties.MAX_TOKENS, DEFAULT_MAX_TOKENS);
        int maxPromptChars = p.maxPromptChars();

        var chat = AnthropicChatModel.builder().apiKey(apiKey).modelName(model).temperature(temperature)
                .maxTokens(maxTokens).timeout(timeout);
        var streaming = AnthropicStreamingChatModel.builder().apiKey(apiKey).modelName(model)
                .temperature(temperature).maxTokens(maxTokens).timeout(timeout);
        if (baseUrl != null) {
            chat.baseUrl(baseUrl);
            streaming.baseUrl(baseUrl);
        }
        if (version != null) {
            chat.version(version);
            streaming.version(version);
        }
        return new LlmAnswerGenerator("anthropic:" + model, chat.build(),
                p.flag(ProviderProperties.STREAMING, true) ? streaming.build() : null, maxPromptChars);
    }
}

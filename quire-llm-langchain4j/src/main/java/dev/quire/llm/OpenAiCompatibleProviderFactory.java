package dev.quire.llm;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Any server speaking the OpenAI chat-completions API: OpenAI itself, or a local Ollama, vLLM or
 * llama.cpp server (base-url e.g. http://127.0.0.1:11434/v1), where the API key is optional.
 */
final class OpenAiCompatibleProviderFactory implements LlmProviderFactory {
    static final String NAME = "openai-compatible";
    static final String BASE_URL = "base-url";
    static final String API_KEY = "api-key";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> propertyNames() {
        Set<String> names = new HashSet<>(ProviderProperties.COMMON);
        names.addAll(Set.of(BASE_URL, API_KEY));
        return Set.copyOf(names);
    }

    @Override
    public Set<String> secretPropertyNames() {
        return Set.of(API_KEY);
    }

    @Override
    public LlmAnswerGenerator create(Map<String, String> properties) {
        ProviderProperties p = new ProviderProperties(this, properties);
        String baseUrl = p.url(BASE_URL, true);
        String model = p.required(ProviderProperties.MODEL);
        String apiKey = p.optional(API_KEY);
        Double temperature = p.temperature();
        Duration timeout = p.timeout();
        Integer maxTokens = p.positiveInt(ProviderProperties.MAX_TOKENS, null);
        int maxPromptChars = p.maxPromptChars();

        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
                .temperature(temperature).maxTokens(maxTokens).timeout(timeout).build();
        OpenAiStreamingChatModel streaming = !p.flag(ProviderProperties.STREAMING, true) ? null
                : OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model)
                .temperature(temperature).maxTokens(maxTokens).timeout(timeout).build();
        return new LlmAnswerGenerator("openai:" + model, chat, streaming, maxPromptChars);
    }
}

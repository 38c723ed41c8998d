package dev.quire.llm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates an LLM answer generator from configuration: {@code provider} picks the factory
 * (openai-compatible, anthropic, bedrock), the other properties configure it.
 *
 * <pre>
 * provider=openai-compatible  base-url=http://127.0.0.1:11434/v1  model=llama3  [api-key]
 * provider=anthropic          api-key=…  model=claude-…  [base-url] [anthropic-version]
 * provider=bedrock            region=us-east-1  model=anthropic.claude-…  [endpoint]
 *                             [aws-access-key-id aws-secret-access-key [aws-session-token]]
 * common, all optional:       temperature (0–2)  timeout (30, 30s, PT30S; default 60s)
 *                             max-tokens  max-prompt-chars (default 24000)  streaming (default true)
 * </pre>
 */
public final class LlmProviders {
    public static final String PROVIDER_PROPERTY = ProviderProperties.PROVIDER;

    private static final List<LlmProviderFactory> FACTORIES = List.of(
            new OpenAiCompatibleProviderFactory(), new AnthropicProviderFactory(), new BedrockProviderFactory());

    private LlmProviders() {
    }

    public static List<LlmProviderFactory> factories() {
        return FACTORIES;
    }

    /** @throws IllegalArgumentException for an unknown provider name, listing the known ones */
    public static LlmProviderFactory factory(String provider) {
        return FACTORIES.stream().filter(f -> f.name().equals(provider)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown LLM provider '" + provider + "'; known: "
                        + FACTORIES.stream().map(LlmProviderFactory::name).collect(Collectors.joining(", "))));
    }

    /** @throws IllegalArgumentException naming the missing or wrong property */
    public static LlmAnswerGenerator create(Map<String, String> properties) {
        String provider = properties.get(PROVIDER_PROPERTY);
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("LLM configuration: missing required property '" + PROVIDER_PROPERTY
                    + "' (one of: " + FACTORIES.stream().map(LlmProviderFactory::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        return factory(provider.strip()).create(properties);
    }
}

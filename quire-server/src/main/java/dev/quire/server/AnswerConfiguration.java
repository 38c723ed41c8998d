package dev.quire.server;

import dev.quire.core.chat.answer.ExtractiveAnswerer;
import dev.quire.llm.LlmProviders;
import dev.quire.spi.answer.AnswerGenerator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which answer generator {@code quire serve} (and {@code quire demo}) uses: the offline extractive
 * answerer unless {@code QUIRE_LLM_PROVIDER} is set, in which case every {@code QUIRE_LLM_*}
 * variable becomes one property of the LangChain4j provider ({@code QUIRE_LLM_BASE_URL} →
 * {@code base-url}, {@code QUIRE_LLM_API_KEY} → {@code api-key}, …; see {@link LlmProviders}).
 * A wrong or missing property stops the start with a message naming it, never a silent fallback:
 * an administrator who configured a model must not get extractive answers without knowing.
 */
public final class AnswerConfiguration {
    public static final String PREFIX = "QUIRE_LLM_";

    private AnswerConfiguration() {
    }

    /** @throws IllegalArgumentException naming the variable that is wrong or missing */
    public static AnswerGenerator fromEnvironment(Map<String, String> env) {
        Map<String, String> properties = llmProperties(env);
        if (properties.isEmpty()) {
            return new ExtractiveAnswerer();
        }
        if (!properties.containsKey(LlmProviders.PROVIDER_PROPERTY)) {
            throw new IllegalArgumentException("Some " + PREFIX + "* variables are set ("
                    + String.join(", ", properties.keySet().stream().map(AnswerConfiguration::variable).toList())
                    + ") but not " + PREFIX + "PROVIDER: set it to openai-compatible, anthropic or bedrock,"
                    + " or unset them for the offline extractive answers.");
        }
        try {
            return LlmProviders.create(properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (properties come from the " + PREFIX
                    + "* environment variables, e.g. 'base-url' from " + PREFIX + "BASE_URL)", e);
        }
    }

    /** {@code QUIRE_LLM_BASE_URL=x} → {@code base-url=x}; blank values count as unset. */
    static Map<String, String> llmProperties(Map<String, String> env) {
        Map<String, String> properties = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && value != null && !value.isBlank()) {
                properties.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-'), value);
            }
        });
        return properties;
    }

    private static String variable(String property) {
        return PREFIX + property.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}

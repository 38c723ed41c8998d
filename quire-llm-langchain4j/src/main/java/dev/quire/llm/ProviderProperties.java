package dev.quire.llm;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one provider's properties with errors that name the provider and the property, and never
 * echo a secret's value.
 */
final class ProviderProperties {
    static final String PROVIDER = "provider";
    static final String MODEL = "model";
    static final String TEMPERATURE = "temperature";
    static final String TIMEOUT = "timeout";
    static final String MAX_TOKENS = "max-tokens";
    static final String MAX_PROMPT_CHARS = "max-prompt-chars";
    static final String STREAMING = "streaming";
    static final Set<String> COMMON = Set.of(PROVIDER, MODEL, TEMPERATURE, TIMEOUT, MAX_TOKENS, MAX_PROMPT_CHARS,
            STREAMING);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String provider;
    private final Map<String, String> values;
    private final Set<String> secrets;

    ProviderProperties(LlmProviderFactory factory, Map<String, String> values) {
        this.provider = factory.name();
        this.values = Map.copyOf(values);
        this.secrets = factory.secretPropertyNames();
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(factory.propertyNames());
        if (!unknown.isEmpty()) {
            throw error("unknown propert" + (unknown.size() == 1 ? "y " : "ies ") + quoted(unknown)
                    + "; accepted: " + quoted(new TreeSet<>(factory.propertyNames())));
        }
    }

    String required(String key) {
        String value = optional(key);
        if (value == null) {
            throw error("missing required property '" + key + "'");
        }
        return value;
    }

    /** Null when absent or blank. */
    String optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    Double temperature() {
        String value = optional(TEMPERATURE);
        if (value == null) {
            return null;
        }
        try {
            double t = Double.parseDouble(value);
            if (t >= 0 && t <= 2) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(TEMPERATURE, "a number from 0 to 2");
    }

    Integer positiveInt(String key, Integer fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(key, "a positive whole number");
    }

    /** The prompt budget; the generator needs room for its rules and at least one passage. */
    int maxPromptChars() {
        int value = positiveInt(MAX_PROMPT_CHARS, LlmAnswerGenerator.DEFAULT_MAX_PROMPT_CHARS);
        if (value < LlmAnswerGenerator.MIN_PROMPT_CHARS) {
            throw invalid(MAX_PROMPT_CHARS, "a whole number of at least " + LlmAnswerGenerator.MIN_PROMPT_CHARS);
        }
        return value;
    }

    /** "30" (seconds), "30s", "2m" or ISO-8601 "PT30S". */
    Duration timeout() {
        String value = optional(TIMEOUT);
        if (value == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration d;
            if (value.matches("\\d+")) {
                d = Duration.ofSeconds(Long.parseLong(value));
            } else if (value.matches("\\d+[smh]")) {
                d = Duration.parse("PT" + value.toUpperCase());
            } else {
                d = Duration.parse(value);
            }
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException | NumberFormatException ignored) {
            // reported below
        }
        throw invalid(TIMEOUT, "a positive duration such as 30, 30s, 2m or PT30S");
    }

    boolean flag(String key, boolean fallback) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(key, "true or false");
    }

    /** An absolute http(s) URL. */
    String url(String key, boolean required) {
        String value = required ? required(key) : optional(key);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw invalid(key, "an absolute http or https URL");
    }

    IllegalArgumentException invalid(String key, String expected) {
        String was = secrets.contains(key) ? "" : ", was '" + values.get(key) + "'";
        return error("property '" + key + "' must be " + expected + was);
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException("LLM provider '" + provider + "': " + message);
    }

    private static String quoted(Set<String> keys) {
        return String.join(", ", keys.stream().map(k -> "'" + k + "'").toList());
    }
}

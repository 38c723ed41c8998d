package dev.quire.llm;

import java.util.Map;
import java.util.Set;

/**
 * Creates an {@link LlmAnswerGenerator} for one kind of provider from a flat property map, in the
 * shape of a Trino connector factory: a name, the property keys it accepts, which of them are
 * secrets (so configuration listings and logs can mask them), and create.
 */
public interface LlmProviderFactory {
    /** The value of the {@code provider} property that selects this factory. */
    String name();

    /** Every key this factory accepts, including the common ones; any other key is an error. */
    Set<String> propertyNames();

    /** Keys whose values must never be logged or shown. */
    Set<String> secretPropertyNames();

    /** @throws IllegalArgumentException naming the property that is missing or wrong */
    LlmAnswerGenerator create(Map<String, String> properties);
}

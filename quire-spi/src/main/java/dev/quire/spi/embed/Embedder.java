package dev.quire.spi.embed;

import java.util.List;

/** Turns text into vectors (an in-process model by default). Implementations are thread-safe. */
public interface Embedder {
    int dimension();

    String modelName();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}

package dev.quire.embed.onnx;

import dev.quire.spi.embed.Embedder;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the in-process model on first use and shares it across the JVM: a server that never
 * indexes or chats never pays the 1–2 s load and ~250 MB, and several servers in one JVM (tests,
 * benchmarks) load it once. The model is immutable and thread-safe.
 */
public final class LazyEmbedder implements Embedder {
    private static volatile OnnxEmbedder shared;
    private final Path nativeCacheDir;

    public LazyEmbedder(Path nativeCacheDir) {
        this.nativeCacheDir = nativeCacheDir;
    }

    private OnnxEmbedder model() {
        OnnxEmbedder m = shared;
        if (m == null) {
            synchronized (LazyEmbedder.class) {
                m = shared;
                if (m == null) {
                    m = OnnxEmbedder.load(nativeCacheDir);
                    shared = m;
                }
            }
        }
        return m;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String modelName() {
        return OnnxEmbedder.MODEL_NAME;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts);
    }
}

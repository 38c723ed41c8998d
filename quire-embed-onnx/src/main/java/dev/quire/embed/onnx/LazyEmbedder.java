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

    /**
     * Starts loading the model on a daemon thread and returns at once, for a caller that knows it
     * will embed soon (the demo, before provisioning): the load then overlaps other start-up work.
     * A failed load is not remembered; the first real use loads again and reports the error.
     */
    public void loadInBackground() {
        if (shared != null) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                model();
            } catch (RuntimeException e) {
                // reported by the first embed() call, which tries again
            }
        }, "quire-model-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** Whether the shared model is in memory. */
    public static boolean isLoaded() {
        return shared != null;
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

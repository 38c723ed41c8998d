package dev.quire.embed.onnx;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.quire.spi.embed.Embedder;
import java.nio.file.Path;
import java.util.List;

/**
 * The default embedder: all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) running in-process.
 * The model ships inside a Maven artifact, so nothing is downloaded at run time; the tokenizer's
 * native library is unpacked once into the given cache dir (kept under Quire's data dir).
 */
public final class OnnxEmbedder implements Embedder {
    public static final String MODEL_NAME = "all-MiniLM-L6-v2-q";
    private static final int DIMENSION = 384;
    private final EmbeddingModel model;

    private OnnxEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the model (1–2 s); {@code nativeCacheDir} receives the tokenizer's native library. */
    public static OnnxEmbedder load(Path nativeCacheDir) {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            // DJL would otherwise unpack into ~/.djl.ai, outside the data dir the operator chose.
            System.setProperty("DJL_CACHE_DIR", nativeCacheDir.toAbsolutePath().toString());
        }
        return new OnnxEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }
}

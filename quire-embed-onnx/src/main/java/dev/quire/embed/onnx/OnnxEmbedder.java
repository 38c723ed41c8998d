package dev.quire.embed.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.quire.spi.embed.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The default embedder: all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) running in-process.
 * The model ships inside a Maven artifact, so nothing is downloaded at run time; the tokenizer's
 * native library is unpacked once into the given cache dir (kept under Quire's data dir).
 *
 * <p>Threads: langchain4j embeds the texts of a batch in parallel, one text per task on a pool of
 * one thread per core. The ONNX session therefore runs each text on ONE intra-op thread; with
 * ONNX Runtime's default (a thread per core inside every call) two parallel calls oversubscribe
 * the cores — on the 2-core benchmark machine that halved the throughput (20 vs 42 chunks/s).
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
        return new OnnxEmbedder(new SingleThreadedSessionModel(encoder()));
    }

    /** The model and tokenizer that ship in langchain4j's all-MiniLM-L6-v2-q artifact, mean-pooled as it does. */
    private static OnnxBertBiEncoder encoder() {
        ClassLoader loader = OnnxEmbedder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
             InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the all-MiniLM-L6-v2-q model is not on the class path");
            }
            options.setIntraOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        }
    }

    /** langchain4j's in-process model (parallel over a batch's texts) around our single-threaded session. */
    private static final class SingleThreadedSessionModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreadedSessionModel(OnnxBertBiEncoder encoder) {
            super(null); // langchain4j's default executor: one thread per core
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
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

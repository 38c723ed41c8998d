package dev.quire.embed.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEmbedderTest {
    @TempDir
    static Path cache;
    static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = OnnxEmbedder.load(cache);
    }

    @Test
    void producesNormalisedVectorsOfTheModelsDimension() {
        float[] v = embedder.embed("Who are the project team members?");
        assertThat(v).hasSize(384);
        assertThat(cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(norm(v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void relatedTextIsCloserThanUnrelatedText() {
        float[] question = embedder.embed("Who is on the ACME project team?");
        float[] related = embedder.embed("The ACME project team members are Mary, Martha and John.");
        float[] unrelated = embedder.embed("Bake the bread at 220 degrees for forty minutes.");
        assertThat(cosine(question, related)).isGreaterThan(cosine(question, unrelated) + 0.2);
    }

    @Test
    void batchAndSingleAgree() {
        List<float[]> batch = embedder.embedAll(List.of("first sentence", "second sentence"));
        assertThat(cosine(batch.get(1), embedder.embed("second sentence"))).isGreaterThan(0.999);
        assertThat(embedder.embedAll(List.of())).isEmpty();
    }

    @Test
    void vectorsAreThoseOfTheStockLangchain4jModel() {
        var stock = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("Who is on the ACME project team?", "Bake the bread at 220 degrees.");
        List<float[]> ours = embedder.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(ours.get(i), stock.embed(texts.get(i)).content().vector())).isGreaterThan(0.9999);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    static double norm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}

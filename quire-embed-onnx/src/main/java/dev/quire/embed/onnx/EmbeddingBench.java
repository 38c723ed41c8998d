package dev.quire.embed.onnx;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The raw throughput of the in-process model on this machine: the ceiling for ingestion, which
 * the ingestion benchmark compares itself with.
 */
public final class EmbeddingBench {
    private static final String[] WORDS = ("onboarding checklist project team members access request laptop "
            + "security training badge manager review quarterly plan release customer support escalation "
            + "policy benefits payroll holiday schedule deployment incident retrospective roadmap budget").split(" ");

    private EmbeddingBench() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 400);
    }

    public static void run(PrintStream out, int sentences) throws Exception {
        Path cache = Files.createTempDirectory("quire-djl");
        long loadStart = System.nanoTime();
        OnnxEmbedder embedder = OnnxEmbedder.load(cache);
        embedder.embed("warm up the model");
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        List<String> texts = sentences(sentences, new Random(42));
        long t0 = System.nanoTime();
        for (String t : texts) {
            embedder.embed(t);
        }
        double single = texts.size() / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 32) {
            embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + 32)));
        }
        double batched = texts.size() / ((System.nanoTime() - t1) / 1e9);
        out.printf("In-process embeddings (%s, %d dims), %d sentences of 40 words, %d cores%n",
                embedder.modelName(), embedder.dimension(), sentences, Runtime.getRuntime().availableProcessors());
        out.printf("| model load + first embedding | %8.1f s |%n", loadSeconds);
        out.printf("| one at a time                | %8.1f sentences/s |%n", single);
        out.printf("| batches of 32                | %8.1f sentences/s |%n", batched);
    }

    static List<String> sentences(int n, Random random) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            out.add(sb.toString().trim());
        }
        return out;
    }
}

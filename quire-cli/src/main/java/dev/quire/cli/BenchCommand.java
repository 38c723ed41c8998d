package dev.quire.cli;

import dev.quire.embed.onnx.EmbeddingBench;
import dev.quire.identity.oidc.WebIdentityBench;
import dev.quire.protocol.sigv4.SigV4Bench;
import dev.quire.server.bench.ChatLoadBench;
import dev.quire.server.bench.IngestThroughput;
import dev.quire.server.bench.RetrievalQuality;
import dev.quire.server.bench.StsHttpBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quire bench <what>}: benchmarks that print a table (record results in docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = RetrievalBenchCommand.class,
        description = {"Run a benchmark and print a table.", "",
                "Benchmarks:",
                "  sigv4          SigV4 verifications per second and cost per request (1 thread)",
                "  web-identity   OIDC ID-token verification with a cached JWKS (1 thread)",
                "  sts            AssumeRoleWithWebIdentity end to end over HTTP (see --threads)",
                "  embeddings     raw throughput of the in-process embedding model",
                "  quality        Recall@5 / MRR on the python3.11-doc library pages (see --files, --html-dir)",
                "  ingest         SearchIndexer chunks/s next to the raw model (see --files: pages of 1,500 words)",
                "  chat           ChatSync in-process over --documents x --chunks-per-document with random ACLs (see --threads, --index-dir)",
                "  int8-recall    how often the int8 first pass of the exact vector scan keeps the true top 50"
                        + " (on an existing --index-dir)",
                "  retrieval      ACL-filtered BM25/kNN/hybrid latency over a reusable on-disk index"
                        + " (its own options: quire bench retrieval --help)"})
final class BenchCommand implements Runnable {
    // Optional only so that the 'retrieval' subcommand can be reached; run() requires it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "BENCHMARK",
            description = "Which benchmark: sigv4, web-identity, sts, embeddings, quality, ingest, chat (or the retrieval subcommand).")
    String which;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to measure (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--threads", defaultValue = "2", description = "Client threads for 'sts' and 'chat' (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--files", description = "Pages for 'quality' (default: all 76) or 'ingest' (default: 40).")
    Integer files;

    @Option(names = "--html-dir", defaultValue = "/usr/share/doc/python3.11/html",
            description = "The python3.11-doc HTML directory for 'quality' (default: ${DEFAULT-VALUE}).")
    java.nio.file.Path htmlDir;

    @Option(names = "--documents", defaultValue = "100000", description = "Documents in the index for 'chat' (default: ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--chunks-per-document", defaultValue = "2",
            description = "Chunks of each document for 'chat' (default: ${DEFAULT-VALUE}).")
    int chunksPerDocument;

    @Option(names = "--index-dir", description = {"For 'chat': keep the index in this directory and reuse it on the"
            + " next run with the same --documents and --chunks-per-document (filling 200,000 chunks takes ~10 minutes)."
            + " Default: a temporary index, deleted afterwards. For 'int8-recall': the index to read (required)."})
    java.nio.file.Path indexDir;

    @Override
    public void run() {
        if (which == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "Missing required parameter: 'BENCHMARK' (see quire bench --help)");
        }
        try {
            switch (which) {
                case "sigv4" -> SigV4Bench.run(System.out, seconds);
                case "web-identity" -> WebIdentityBench.run(System.out, seconds);
                case "sts" -> StsHttpBench.run(System.out, seconds, threads);
                case "embeddings" -> EmbeddingBench.run(System.out, Math.max(50, seconds * 40));
                case "quality" -> RetrievalQuality.run(System.out, htmlDir, files == null ? Integer.MAX_VALUE : files);
                case "ingest" -> IngestThroughput.run(System.out, files == null ? 40 : files, 1_500, 2);
                case "chat" -> ChatLoadBench.run(System.out, documents, chunksPerDocument, seconds, threads, indexDir);
                case "int8-recall" -> dev.quire.index.lucene.Int8RecallBench.run(System.out, indexDir, 300);
                default -> throw new IllegalArgumentException("Unknown benchmark '" + which
                        + "'. Try: sigv4, web-identity, sts, embeddings, quality, ingest, chat, int8-recall, retrieval.");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The benchmark failed: " + e.getMessage(), e);
        }
    }
}

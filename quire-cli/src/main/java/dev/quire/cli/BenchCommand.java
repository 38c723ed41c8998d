package dev.quire.cli;

import dev.quire.embed.onnx.EmbeddingBench;
import dev.quire.identity.oidc.WebIdentityBench;
import dev.quire.protocol.sigv4.SigV4Bench;
import dev.quire.server.bench.StsHttpBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quire bench <what>}: benchmarks that print a table (record results in docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print a table.", "",
                "Benchmarks:",
                "  sigv4          SigV4 verifications per second and cost per request (1 thread)",
                "  web-identity   OIDC ID-token verification with a cached JWKS (1 thread)",
                "  sts            AssumeRoleWithWebIdentity end to end over HTTP (see --threads)",
                "  embeddings     raw throughput of the in-process embedding model"})
final class BenchCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "Which benchmark: sigv4, web-identity, sts, embeddings.")
    String which;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to measure (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--threads", defaultValue = "2", description = "Client threads for 'sts' (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public void run() {
        try {
            switch (which) {
                case "sigv4" -> SigV4Bench.run(System.out, seconds);
                case "web-identity" -> WebIdentityBench.run(System.out, seconds);
                case "sts" -> StsHttpBench.run(System.out, seconds, threads);
                case "embeddings" -> EmbeddingBench.run(System.out, Math.max(50, seconds * 40));
                default -> throw new IllegalArgumentException(
                        "Unknown benchmark '" + which + "'. Try: sigv4, web-identity, sts, embeddings.");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The benchmark failed: " + e.getMessage(), e);
        }
    }
}

package dev.quire.cli;

import dev.quire.protocol.sigv4.SigV4Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quire bench <what>}: benchmarks that print a table (record results in docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print a table.", "",
                "Benchmarks:", "  sigv4   SigV4 verifications per second and cost per request (1 thread)"})
final class BenchCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "Which benchmark: sigv4.")
    String which;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to measure (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Override
    public void run() {
        switch (which) {
            case "sigv4" -> SigV4Bench.run(System.out, seconds);
            default -> throw new IllegalArgumentException("Unknown benchmark '" + which + "'. Try: sigv4.");
        }
    }
}

package dev.quire.protocol.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable: its request must verify (it throws otherwise) and it prints its table. */
class SigV4BenchTest {
    @Test
    void benchmarkRunsAndPrintsItsTable() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SigV4Bench.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), 1);
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("9 signed headers").contains("verifications/s").contains("p50 µs").contains("p99 µs");
    }
}

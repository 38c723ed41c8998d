package dev.quire.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Smoke: the chat benchmark wires a working ChatService and measures answered requests (tiny sizes). */
class ChatLoadBenchTest {
    @Test
    void answersRequestsOverASmallIndex() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ChatLoadBench.Result result = ChatLoadBench.run(new PrintStream(buffer, true, StandardCharsets.UTF_8), 100, 2, 1, 1);
        assertThat(result.requests()).isPositive();
        // Random text answers few questions, but none at all means nothing was readable: the ACL terms
        // would not match the users' principals and the benchmark would time an empty search.
        assertThat(result.citedShare()).as("answers that cite a readable chunk").isGreaterThan(0.05);
        assertThat(result.p99Millis()).isGreaterThanOrEqualTo(result.p50Millis());
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("100 documents of 2 chunks (200 chunks)").contains("WITHOUT the model").contains("requests/s");
    }
}

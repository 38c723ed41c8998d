package dev.quire.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void reusesAnIndexItBuiltForTheSameCorpus(@TempDir Path dir) throws Exception {
        Path indexDir = dir.resolve("index");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ChatLoadBench.run(new PrintStream(first, true, StandardCharsets.UTF_8), 60, 2, 1, 1, indexDir);
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("written straight into Lucene");

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        ChatLoadBench.Result reused = ChatLoadBench.run(new PrintStream(second, true, StandardCharsets.UTF_8), 60, 2, 1, 1, indexDir);
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("reused from " + indexDir);
        // The replayed draws must give the same readable corpus: the questions still find answers.
        assertThat(reused.citedShare()).isGreaterThan(0.05);
    }

    @Test
    void refusesADirectoryHoldingSomethingElse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> ChatLoadBench.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 60, 2, 1, 1, dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Choose another --index-dir");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void refusesAnIndexBuiltForOtherSizes(@TempDir Path dir) throws Exception {
        Path indexDir = dir.resolve("index");
        ChatLoadBench.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 60, 2, 1, 1, indexDir);
        assertThatThrownBy(() -> ChatLoadBench.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 61, 2, 1, 1, indexDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("60 documents x 2 chunks");
    }
}

package dev.quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code quire bench retrieval}: help says what is measured; a second run reuses the built index. */
class RetrievalBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpSaysWhatIsMeasuredAndThatVectorsAreNotFromTheModel() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new QuireCommand());
        cli.setOut(new PrintWriter(help));
        assertThat(cli.execute("bench", "retrieval", "--help")).isZero();
        assertThat(help.toString()).contains("--index-dir", "--chunks", "--queries", "WITHOUT the embedding",
                "REUSES", "p50/p99");
    }

    @Test
    void buildsOnceThenReusesAndPrintsEveryRow() {
        String first = run("--chunks", "400", "--index-dir", dir.toString(), "--queries", "3");
        assertThat(first).contains("building chunks 0..399", "made WITHOUT the embedding model",
                "BM25 raw Lucene (no scope, no ACL)", "HYBRID + ACL, user reads 50%", "VECTOR + ACL, user reads 1%");
        String second = run("--chunks", "400", "--index-dir", dir.toString(), "--queries", "3");
        assertThat(second).contains("reusing the index").doesNotContain("building");
    }

    @Test
    void refusesADirectoryHoldingAnotherCorpus() {
        run("--chunks", "200", "--index-dir", dir.toString(), "--queries", "1");
        CommandLine cli = new CommandLine(new QuireCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("bench", "retrieval", "--chunks", "300", "--index-dir", dir.toString())).isNotZero();
    }

    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 2];
            all[0] = "bench";
            all[1] = "retrieval";
            System.arraycopy(args, 0, all, 2, args.length);
            assertThat(new CommandLine(new QuireCommand()).execute(all)).isZero();
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.quire.server.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code scripts/keycloak.sh} of the enclosing checkout. */
final class KeycloakScript {
    static final String SCRIPT = "scripts/keycloak.sh";

    private final Path repoRoot;

    private KeycloakScript(Path repoRoot) {
        this.repoRoot = repoRoot;
    }

    /** Walks up from the working directory (Maven runs tests in the module folder) to the repo root. */
    static KeycloakScript locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(SCRIPT))) {
                return new KeycloakScript(p);
            }
        }
        throw new IllegalStateException("no " + SCRIPT + " in " + dir + " or any parent folder");
    }

    /**
     * Runs a subcommand and returns its combined output. The output is also copied to this JVM's
     * stderr: the child must not inherit our stdout, which Surefire uses as its channel.
     */
    String run(String subcommand, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder("bash", repoRoot.resolve(SCRIPT).toString(), subcommand)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> copy(process.getInputStream(), captured), "keycloak.sh " + subcommand);
            pump.setDaemon(true);
            pump.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(SCRIPT + " " + subcommand + " took over " + timeoutSeconds + " s");
            }
            pump.join(5_000);
            String output = captured.toString(StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(SCRIPT + " " + subcommand + " exited " + process.exitValue()
                        + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + SCRIPT, e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream captured) {
        byte[] buffer = new byte[1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                captured.write(buffer, 0, n);
                System.err.write(buffer, 0, n);
                System.err.flush();
            }
        } catch (IOException ignored) {
            // the process ended; whatever was read is kept
        }
    }
}

package dev.quire.store.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One PostgreSQL cluster in a temp directory, run with initdb and pg_ctl. PostgreSQL refuses to
 * run as root, so under root every command runs as the {@code postgres} user (or {@code nobody})
 * through {@code runuser}, and the directory is handed to that user.
 */
final class PostgresCluster {

    private static final String USER = "quire";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path binDir;
    private final Path dir;
    private final List<String> runAs;
    private final int port;
    private final String password;

    private PostgresCluster(Path binDir, Path dir, List<String> runAs, int port, String password) {
        this.binDir = binDir;
        this.dir = dir;
        this.runAs = runAs;
        this.port = port;
        this.password = password;
    }

    static PostgresCluster start(Path binDir) throws IOException {
        // /tmp keeps the socket path short and is reachable by the unprivileged user.
        Path tmpRoot = Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp")
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(tmpRoot, "quire-pg-");
        String password = UUID.randomUUID().toString();
        Files.writeString(dir.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
        List<String> runAs = List.of();
        if (isRoot()) {
            String user = unprivilegedUser();
            runAs = List.of("runuser", "-u", user, "--");
            chownTree(dir, FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(user));
        }
        PostgresCluster cluster = new PostgresCluster(binDir, dir, runAs, freePort(), password);
        try {
            cluster.initAndStart();
            cluster.awaitConnections();
        } catch (IOException | RuntimeException e) {
            cluster.stopAndDelete();
            throw e;
        }
        return cluster;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String user() {
        return USER;
    }

    String password() {
        return password;
    }

    private void initAndStart() throws IOException {
        Path data = dir.resolve("data");
        run("initdb", "-D", data.toString(), "-U", USER, "--pwfile=" + dir.resolve("pwfile"),
                "--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8",
                "--locale=C", "--no-sync");
        String serverOptions = "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", serverOptions, "start");
    }

    /** pg_ctl -w waits for the socket; this also proves TCP and password login work. */
    private void awaitConnections() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), USER, password)) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not accept connections on port " + port
                            + ": " + e.getMessage() + "\n" + logTail(), e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for PostgreSQL", e);
            }
        }
    }

    void stopAndDelete() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private void run(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>(runAs);
        command.add(binDir.resolve(program).toString());
        command.addAll(List.of(args));
        Path output = dir.resolve(program + ".out");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile()) // the unprivileged user may not enter the JVM's cwd
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish in " + COMMAND_TIMEOUT_SECONDS + "s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + program, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue()
                    + ":\n" + Files.readString(output) + "\n" + logTail());
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postgres.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static boolean isRoot() {
        try {
            // /proc/self belongs to the process's effective user.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String unprivilegedUser() throws IOException {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            return "postgres";
        } catch (UserPrincipalNotFoundException e) {
            return "nobody";
        }
    }

    private static void chownTree(Path root, UserPrincipal owner) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, owner);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.quire.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for tests, shared by the whole JVM: started on first use from
 * the binaries under {@code /usr/lib/postgresql/<version>/bin} (highest version), bound to
 * 127.0.0.1 on a free port, stopped and deleted when the JVM exits. Each {@link #newDatabase()}
 * is a fresh, empty database. Other modules use it through this module's test-jar.
 *
 * <p>Without the binaries a test is aborted (skipped) with a pointer to
 * {@code scripts/ensure-postgres.sh}; on CI (env {@code CI} set) it fails instead, so a missing
 * PostgreSQL never passes silently there.
 */
public final class PostgresTestServer {

    /** How to reach one database of the cluster. */
    public record Database(String jdbcUrl, String user, String password) {
    }

    static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final String ENSURE_SCRIPT = "scripts/ensure-postgres.sh";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static PostgresCluster cluster;
    private static RuntimeException startFailure;

    private PostgresTestServer() {
    }

    /** Creates a new empty database on the (lazily started) cluster. */
    public static Database newDatabase() {
        PostgresCluster running = cluster();
        String name = "quire_test_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(
                running.jdbcUrl("postgres"), running.user(), running.password());
             Statement sql = admin.createStatement()) {
            createDatabase(sql, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return new Database(running.jdbcUrl(name), running.user(), running.password());
    }

    /**
     * Prefers an ICU "en-US" default collation, under which "a" sorts before "B": that proves
     * the store's ordering does not depend on the database's locale. Falls back to the
     * cluster's default (C) when the server was built without ICU.
     */
    private static void createDatabase(Statement sql, String name) throws SQLException {
        try {
            sql.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'"
                    + " LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
        } catch (SQLException noIcu) {
            sql.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        }
    }

    private static synchronized PostgresCluster cluster() {
        if (cluster != null) {
            return cluster;
        }
        if (startFailure != null) {
            throw startFailure; // do not retry a slow failing start for every test
        }
        Path binDir = binDirectory().orElse(null);
        if (binDir == null) {
            String message = "PostgreSQL server binaries (initdb, pg_ctl) not found under "
                    + INSTALL_ROOT + "/*/bin; run " + ENSURE_SCRIPT + " to install them";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        try {
            cluster = PostgresCluster.start(binDir);
        } catch (IOException | RuntimeException e) {
            startFailure = new IllegalStateException(
                    "Could not start the test PostgreSQL from " + binDir + ": " + e.getMessage(), e);
            throw startFailure;
        }
        PostgresCluster started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stopAndDelete, "postgres-stop"));
        return started;
    }

    /**
     * The highest installed version's bin directory. Binaries on the PATH are ignored on
     * purpose: /usr/local/bin/pg_ctl may be a wrapper that does not take pg_ctl's arguments.
     */
    static Optional<Path> binDirectory() {
        if (!Files.isDirectory(INSTALL_ROOT)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
            versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb"))
                            && Files.isExecutable(bin.resolve("pg_ctl"))
                            && Files.isExecutable(bin.resolve("postgres")))
                    .forEach(candidates::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        return candidates.stream().max(Comparator.comparing(
                bin -> bin.getParent().getFileName().toString(), PostgresTestServer::compareVersions));
    }

    /** Numeric comparison of dotted versions: "9.6" &lt; "15". */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? parseOrZero(left[i]) : 0;
            int r = i < right.length ? parseOrZero(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int parseOrZero(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

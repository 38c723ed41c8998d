package dev.quire.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.quire.spi.store.ConcurrentUpdateException;
import dev.quire.spi.store.EntityExistsException;
import dev.quire.spi.store.EntityNotFoundException;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoreException;
import dev.quire.spi.store.StoredEntity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;

/**
 * The {@link MetadataStore} on JDBC: H2 embedded (the default) or a PostgreSQL server, tables
 * migrated by Flyway, connections pooled by HikariCP. See {@link EntityTable} and
 * {@link GenerationTable} for the SQL and {@link Transactions} for how calls join a transaction.
 */
public final class JdbcMetadataStore implements MetadataStore {

    /** SQLState of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** H2's "concurrent update" error: another transaction changed the row under this one. */
    private static final String H2_CONCURRENT_UPDATE = "90131";

    /** First-use races on one counter end after one retry; more attempts only guard against a loop. */
    private static final int MAX_CREATE_ATTEMPTS = 5;

    private final JdbcDatabase database;
    private final HikariDataSource pool;
    private final Transactions transactions;
    private final int migrationsAppliedOnOpen;

    private JdbcMetadataStore(JdbcDatabase database, HikariDataSource pool, int migrationsApplied) {
        this.database = database;
        this.pool = pool;
        this.transactions = new Transactions(pool, database.description());
        this.migrationsAppliedOnOpen = migrationsApplied;
    }

    /**
     * Opens (and migrates) the store. url e.g. {@code "jdbc:h2:file:/abs/dir/quire"} or
     * {@code "jdbc:postgresql://127.0.0.1:5432/quire"}.
     */
    public static JdbcMetadataStore open(String jdbcUrl, String user, String password) {
        JdbcDatabase database = JdbcDatabase.of(jdbcUrl);
        HikariDataSource pool = StorePool.start(database, user, password);
        try {
            int applied = Flyway.configure()
                    .dataSource(pool)
                    .locations(database.migrationLocation())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            return new JdbcMetadataStore(database, pool, applied);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("Metadata store " + database.description()
                    + ": could not migrate the schema: " + e.getMessage(), e);
        }
    }

    /**
     * The embedded default under a data dir: H2 file database {@code <dataDir>/db/quire}
     * (AUTO_SERVER off, created on first use).
     */
    public static JdbcMetadataStore openEmbedded(Path dataDir) {
        Path dbDir = StorePool.writableDirectory(dataDir.toAbsolutePath().normalize().resolve("db"));
        return open("jdbc:h2:file:" + dbDir.resolve("quire") + ";AUTO_SERVER=FALSE", "sa", "");
    }

    /** How many Flyway migrations {@link #open} applied: 0 when the schema was up to date. */
    int migrationsAppliedOnOpen() {
        return migrationsAppliedOnOpen;
    }

    @Override
    public Optional<StoredEntity> get(String kind, String id) {
        requireKey(kind, id);
        return transactions.withConnection("read " + kind + " " + id,
                c -> EntityTable.get(c, kind, id));
    }

    @Override
    public List<StoredEntity> list(String kind, String scope, String afterId, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return transactions.withConnection("list " + kind + " in scope '" + scope + "'",
                c -> EntityTable.list(c, kind, scope, afterId, limit));
    }

    @Override
    public long count(String kind, String scope) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        return transactions.withConnection("count " + kind + " in scope '" + scope + "'",
                c -> EntityTable.count(c, kind, scope));
    }

    @Override
    public StoredEntity insert(String kind, String id, String scope, String json) {
        requireKey(kind, id);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(json, "json");
        Instant now = EntityTable.now();
        StoredEntity entity = new StoredEntity(kind, id, scope, json, 1, now, now);
        return transactions.withConnection("insert " + kind + " " + id, c -> {
            // Inside a transaction a failed statement would poison it on PostgreSQL, and a
            // duplicate is an outcome callers handle: undo only this statement.
            Savepoint beforeInsert = transactions.inTransaction() ? c.setSavepoint() : null;
            try {
                EntityTable.insert(c, entity);
            } catch (SQLException e) {
                if (beforeInsert != null) {
                    c.rollback(beforeInsert);
                }
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new EntityExistsException(kind, id);
                }
                throw e;
            }
            if (beforeInsert != null) {
                c.releaseSavepoint(beforeInsert);
            }
            return entity;
        });
    }

    @Override
    public StoredEntity update(String kind, String id, String json, long expectedVersion) {
        requireKey(kind, id);
        Objects.requireNonNull(json, "json");
        Instant now = EntityTable.now();
        // One transaction, so the row read back is the one this update wrote (it stays locked).
        return transactions.inTransaction(() -> transactions.withConnection(
                "update " + kind + " " + id, c -> {
                    if (!updateRow(c, kind, id, json, expectedVersion, now)) {
                        if (EntityTable.exists(c, kind, id)) {
                            throw new ConcurrentUpdateException(kind, id);
                        }
                        throw new EntityNotFoundException(kind, id);
                    }
                    return EntityTable.get(c, kind, id).orElseThrow();
                }));
    }

    private static boolean updateRow(Connection c, String kind, String id, String json,
                                     long expectedVersion, Instant now) throws SQLException {
        try {
            return EntityTable.update(c, kind, id, json, expectedVersion, now);
        } catch (SQLException e) {
            if (H2_CONCURRENT_UPDATE.equals(e.getSQLState())) {
                throw new ConcurrentUpdateException(kind, id);
            }
            throw e;
        }
    }

    @Override
    public boolean delete(String kind, String id) {
        requireKey(kind, id);
        return transactions.withConnection("delete " + kind + " " + id,
                c -> EntityTable.delete(c, kind, id));
    }

    /**
     * {@inheritDoc}
     *
     * <p>An empty prefix is refused: it would delete every top-level record, which no cascade
     * means to do.
     */
    @Override
    public int deleteScope(String scopePrefix) {
        Objects.requireNonNull(scopePrefix, "scopePrefix");
        if (scopePrefix.isEmpty()) {
            throw new IllegalArgumentException("deleteScope needs a non-empty scope prefix");
        }
        return transactions.withConnection("delete scope '" + scopePrefix + "'",
                c -> EntityTable.deleteScope(c, scopePrefix));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.inTransaction(work);
    }

    @Override
    public boolean isInTransaction() {
        return transactions.inTransaction();
    }

    @Override
    public long generation(String counter) {
        Objects.requireNonNull(counter, "counter");
        return transactions.withConnection("read generation " + counter, c -> GenerationTable.read(c, counter));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Runs in a transaction of its own when the caller has none, so that the savepoint
     * around the first-use insert has one to live in.
     */
    @Override
    public void bumpGeneration(String counter) {
        Objects.requireNonNull(counter, "counter");
        transactions.inTransaction(() -> transactions.withConnection("bump generation " + counter, c -> {
            for (int attempt = 1; ; attempt++) {
                if (GenerationTable.bumpExisting(c, counter)) {
                    return null;
                }
                Savepoint beforeCreate = c.setSavepoint();
                try {
                    GenerationTable.create(c, counter);
                    c.releaseSavepoint(beforeCreate);
                    return null;
                } catch (SQLException e) {
                    c.rollback(beforeCreate);
                    // Another transaction created the counter first; the insert waited for it to
                    // commit, so the next UPDATE finds the row and adds to its value.
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == MAX_CREATE_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }));
    }

    @Override
    public String describe() {
        return database.description();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcMetadataStore[" + describe() + "]";
    }

    private static void requireKey(String kind, String id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}

package dev.quire.store.jdbc;

import dev.quire.spi.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Hands out connections: the calling thread's transaction connection when it is inside
 * {@link #inTransaction}, otherwise an auto-commit connection from the pool for one call.
 *
 * <p>A nested {@code inTransaction} joins the outer transaction but runs under a savepoint, so
 * when it throws only its own writes are undone; the outer transaction stays usable (PostgreSQL
 * would otherwise refuse every later statement of a transaction in which one failed).
 */
final class Transactions {

    /** Work on a connection that may fail with an {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String description;
    // One per store, not static: two stores on one thread must not share a connection.
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    Transactions(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    boolean inTransaction() {
        return current.get() != null;
    }

    /** Runs {@code work} on the thread's transaction connection or on a pooled one. */
    <T> T withConnection(String what, SqlWork<T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    <T> T inTransaction(Supplier<T> work) {
        Connection joined = current.get();
        return joined != null ? nested(joined, work) : outermost(work);
    }

    private <T> T outermost(Supplier<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure("begin a transaction", e);
        }
        current.set(connection);
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw failure("commit a transaction", e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            current.remove();
            release(connection);
        }
    }

    private <T> T nested(Connection connection, Supplier<T> work) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw failure("begin a nested transaction", e);
        }
        try {
            T result = work.get();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw failure("end a nested transaction", e);
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private void release(Connection connection) {
        try {
            // Back to the pool's default so the next borrower gets auto-commit.
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The pool notices a broken connection on its own and evicts it.
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing left to do with a connection that cannot be returned.
            }
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException("Metadata store " + description + ": could not " + what
                + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }
}

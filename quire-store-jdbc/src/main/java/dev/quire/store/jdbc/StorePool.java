package dev.quire.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quire.spi.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Starts the connection pool and prepares the embedded database's directory. */
final class StorePool {

    private StorePool() {
    }

    static HikariDataSource start(JdbcDatabase database, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quire-store");
        config.setDriverClassName(database.driverClass());
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(database.maxPoolSize());
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // Hikari wraps the driver's failure; its message names the cause, never the password.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("Metadata store " + database.description()
                    + ": could not connect: " + cause.getMessage(), e);
        }
    }

    /**
     * Creates {@code dir} when missing and proves it writable by creating a file in it:
     * permission bits say nothing when running as root, and H2's own error would not say which
     * directory is at fault.
     */
    static Path writableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = dir.resolve(".write-probe-" + UUID.randomUUID());
            Files.createFile(probe);
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new StoreException("The metadata store directory " + dir
                    + " cannot be created or is not writable (" + e + ")", e);
        }
    }
}

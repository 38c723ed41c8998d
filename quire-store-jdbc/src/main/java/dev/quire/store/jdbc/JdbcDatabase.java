package dev.quire.store.jdbc;

import dev.quire.spi.store.StoreException;

/**
 * What the store needs to know about the database behind a JDBC URL: its driver, its Flyway
 * migrations, its pool size and a description for logs that never contains credentials.
 */
record JdbcDatabase(String jdbcUrl, String driverClass, String migrationLocation,
                    int maxPoolSize, String description) {

    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    static JdbcDatabase of(String jdbcUrl) {
        if (jdbcUrl == null) {
            throw new StoreException("No JDBC URL given for the metadata store");
        }
        if (jdbcUrl.startsWith(H2_PREFIX)) {
            // An embedded database serves one process: a few connections are enough.
            return new JdbcDatabase(jdbcUrl, "org.h2.Driver", "classpath:db/migration/h2", 4,
                    describeH2(jdbcUrl.substring(H2_PREFIX.length())));
        }
        if (jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            return new JdbcDatabase(jdbcUrl, "org.postgresql.Driver",
                    "classpath:db/migration/postgresql", 10,
                    describePostgres(jdbcUrl.substring(POSTGRES_PREFIX.length())));
        }
        // The URL itself is not echoed: it may carry a password parameter.
        throw new StoreException("Unsupported metadata store JDBC URL: expected one starting with "
                + H2_PREFIX + " or " + POSTGRES_PREFIX);
    }

    /** {@code file:/dir/quire;OPTIONS} becomes {@code H2 file /dir/quire}. */
    private static String describeH2(String rest) {
        String location = rest.split(";", 2)[0];
        int colon = location.indexOf(':');
        if (colon > 1) { // "file:..." or "mem:..."; a single letter is a Windows drive
            return "H2 " + location.substring(0, colon) + " " + location.substring(colon + 1);
        }
        return "H2 file " + location;
    }

    /** {@code //host:port/db?params} becomes {@code PostgreSQL host:port/db}. */
    private static String describePostgres(String rest) {
        String location = rest.split("\\?", 2)[0];
        if (location.startsWith("//")) {
            location = location.substring(2);
        }
        int slash = location.indexOf('/');
        String hosts = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 ? "" : location.substring(slash);
        if (!hosts.isEmpty() && !hosts.contains(":") && !hosts.contains(",")) {
            hosts = hosts + ":5432";
        }
        return "PostgreSQL " + hosts + database;
    }
}

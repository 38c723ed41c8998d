package dev.quire.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The SQL of the {@code quire_generation} table (change counters, see
 * {@link dev.quire.spi.store.MetadataStore#generation}). The same statements on H2 and PostgreSQL.
 */
final class GenerationTable {

    private static final String SELECT = "SELECT generation FROM quire_generation WHERE name = ?";
    // One statement: the database takes the row lock and adds one to the committed value, so
    // concurrent bumps queue up behind each other instead of overwriting each other.
    private static final String BUMP = "UPDATE quire_generation SET generation = generation + 1 WHERE name = ?";
    private static final String CREATE = "INSERT INTO quire_generation (name, generation) VALUES (?, 1)";

    private GenerationTable() {
    }

    static long read(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** @return whether the counter existed (and is now one larger) */
    static boolean bumpExisting(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BUMP)) {
            s.setString(1, name);
            return s.executeUpdate() == 1;
        }
    }

    /** Creates the counter at 1; a unique violation when another transaction created it first. */
    static void create(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CREATE)) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }
}

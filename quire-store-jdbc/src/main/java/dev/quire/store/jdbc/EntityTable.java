package dev.quire.store.jdbc;

import dev.quire.spi.store.StoredEntity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the {@code quire_entity} table. Every statement is the same on H2 and PostgreSQL;
 * the migrations give PostgreSQL's text keys the "C" collation so ordering agrees with H2.
 */
final class EntityTable {

    private static final String COLUMNS = "kind, id, scope, json, version, created_at, updated_at";
    private static final String SELECT_ONE =
            "SELECT " + COLUMNS + " FROM quire_entity WHERE kind = ? AND id = ?";
    private static final String LIST_FIRST = "SELECT " + COLUMNS
            + " FROM quire_entity WHERE kind = ? AND scope = ? ORDER BY id LIMIT ?";
    private static final String LIST_AFTER = "SELECT " + COLUMNS
            + " FROM quire_entity WHERE kind = ? AND scope = ? AND id > ? ORDER BY id LIMIT ?";
    private static final String COUNT =
            "SELECT COUNT(*) FROM quire_entity WHERE kind = ? AND scope = ?";
    private static final String INSERT = "INSERT INTO quire_entity (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, 1, ?, ?)";
    private static final String UPDATE = "UPDATE quire_entity SET json = ?, version = version + 1,"
            + " updated_at = ? WHERE kind = ? AND id = ? AND version = ?";
    private static final String SELECT_VERSION =
            "SELECT version FROM quire_entity WHERE kind = ? AND id = ?";
    private static final String DELETE = "DELETE FROM quire_entity WHERE kind = ? AND id = ?";
    private static final String DELETE_SCOPE =
            "DELETE FROM quire_entity WHERE scope = ? OR scope LIKE ? ESCAPE '\\'";

    private EntityTable() {
    }

    /**
     * The current time at the precision both databases store (microseconds), so that what
     * insert and update return equals what a later get reads.
     */
    static Instant now() {
        Instant now = Instant.now();
        return now.minusNanos(now.getNano() % 1_000);
    }

    static Optional<StoredEntity> get(Connection c, String kind, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, kind);
            s.setString(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(entity(rows)) : Optional.empty();
            }
        }
    }

    static List<StoredEntity> list(Connection c, String kind, String scope, String afterId,
                                   int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(afterId == null ? LIST_FIRST : LIST_AFTER)) {
            int i = 1;
            s.setString(i++, kind);
            s.setString(i++, scope);
            if (afterId != null) {
                s.setString(i++, afterId);
            }
            s.setInt(i, limit);
            List<StoredEntity> page = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    page.add(entity(rows));
                }
            }
            return page;
        }
    }

    static long count(Connection c, String kind, String scope) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT)) {
            s.setString(1, kind);
            s.setString(2, scope);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void insert(Connection c, StoredEntity e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, e.kind());
            s.setString(2, e.id());
            s.setString(3, e.scope());
            s.setString(4, e.json());
            s.setObject(5, utc(e.createdAt()));
            s.setObject(6, utc(e.updatedAt()));
            s.executeUpdate();
        }
    }

    /** @return whether the row was at {@code expectedVersion} and is now updated */
    static boolean update(Connection c, String kind, String id, String json, long expectedVersion,
                          Instant updatedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, json);
            s.setObject(2, utc(updatedAt));
            s.setString(3, kind);
            s.setString(4, id);
            s.setLong(5, expectedVersion);
            return s.executeUpdate() == 1;
        }
    }

    static boolean exists(Connection c, String kind, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_VERSION)) {
            s.setString(1, kind);
            s.setString(2, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next();
            }
        }
    }

    static boolean delete(Connection c, String kind, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, kind);
            s.setString(2, id);
            return s.executeUpdate() > 0;
        }
    }

    static int deleteScope(Connection c, String scopePrefix) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE_SCOPE)) {
            s.setString(1, scopePrefix);
            s.setString(2, escapeLike(scopePrefix) + "/%");
            return s.executeUpdate();
        }
    }

    /** Makes {@code \}, {@code %} and {@code _} match themselves under {@code ESCAPE '\'}. */
    static String escapeLike(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char ch = literal.charAt(i);
            if (ch == '\\' || ch == '%' || ch == '_') {
                escaped.append('\\');
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static StoredEntity entity(ResultSet row) throws SQLException {
        return new StoredEntity(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getLong(5),
                row.getObject(6, OffsetDateTime.class).toInstant(),
                row.getObject(7, OffsetDateTime.class).toInstant());
    }
}

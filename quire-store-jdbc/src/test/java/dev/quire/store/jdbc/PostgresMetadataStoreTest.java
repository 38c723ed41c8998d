package dev.quire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** The contract on a PostgreSQL server (a throwaway cluster), plus what is particular to it. */
class PostgresMetadataStoreTest extends MetadataStoreContract {

    private PostgresTestServer.Database database;

    @Override
    protected void useFreshDatabase() {
        database = PostgresTestServer.newDatabase();
    }

    @Override
    protected MetadataStore openStore() {
        return JdbcMetadataStore.open(database.jdbcUrl(), database.user(), database.password());
    }

    @Test
    void describeNamesHostPortAndDatabaseButNoCredentials() {
        String hostPortDb = database.jdbcUrl().substring("jdbc:postgresql://".length());
        assertThat(store.describe()).isEqualTo("PostgreSQL " + hostPortDb)
                .doesNotContain(database.password());
    }

    @Test
    void aWrongPasswordFailsWithoutRevealingThePassword() {
        String wrong = "not-the-password-" + System.nanoTime();
        assertThatThrownBy(() -> JdbcMetadataStore.open(database.jdbcUrl(), database.user(), wrong))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PostgreSQL 127.0.0.1")
                .hasMessageNotContaining(wrong);
    }

    /** Guards the ordering test: it proves nothing on a database whose default order is C. */
    @Test
    void testDatabasesSortByALocaleWhereCaseIsNotCodePointOrder() throws Exception {
        try (Connection c = DriverManager.getConnection(
                database.jdbcUrl(), database.user(), database.password());
             ResultSet r = c.createStatement().executeQuery("SELECT 'a' < 'B'")) {
            r.next();
            assertThat(r.getBoolean(1)).as("'a' < 'B' under the database's default collation").isTrue();
        }
    }
}

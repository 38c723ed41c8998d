package dev.quire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Descriptions go to logs: they name the database and never carry URL parameters. */
class JdbcDatabaseTest {

    @Test
    void describesH2ByItsFileAndDropsOptions() {
        assertThat(JdbcDatabase.of("jdbc:h2:file:/var/quire/db/quire;AUTO_SERVER=FALSE;PASSWORD=x")
                .description()).isEqualTo("H2 file /var/quire/db/quire");
        assertThat(JdbcDatabase.of("jdbc:h2:./rel/quire").description()).isEqualTo("H2 file ./rel/quire");
        assertThat(JdbcDatabase.of("jdbc:h2:mem:test").description()).isEqualTo("H2 mem test");
    }

    @Test
    void describesPostgresByHostPortAndDatabaseAndDropsParameters() {
        assertThat(JdbcDatabase.of("jdbc:postgresql://db.internal:6543/quire?password=s3cret&ssl=true")
                .description()).isEqualTo("PostgreSQL db.internal:6543/quire");
        assertThat(JdbcDatabase.of("jdbc:postgresql://db.internal/quire").description())
                .isEqualTo("PostgreSQL db.internal:5432/quire");
    }

    @Test
    void picksTheVendorsMigrations() {
        assertThat(JdbcDatabase.of("jdbc:h2:mem:x").migrationLocation()).endsWith("/h2");
        assertThat(JdbcDatabase.of("jdbc:postgresql://h/db").migrationLocation()).endsWith("/postgresql");
    }
}

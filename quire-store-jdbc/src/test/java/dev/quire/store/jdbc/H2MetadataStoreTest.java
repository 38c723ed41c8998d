package dev.quire.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 file database, plus what is particular to it. */
class H2MetadataStoreTest extends MetadataStoreContract {

    @TempDir
    Path tmp;
    private Path dataDir;

    @Override
    protected void useFreshDatabase() {
        dataDir = tmp.resolve("data");
    }

    @Override
    protected MetadataStore openStore() {
        return JdbcMetadataStore.openEmbedded(dataDir);
    }

    @Test
    void embeddedDatabaseLivesUnderTheDataDirectory() {
        assertThat(store.describe()).isEqualTo("H2 file " + dataDir.resolve("db/quire"));
        assertThat(dataDir.resolve("db/quire.mv.db")).isRegularFile();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedFailsNamingIt() throws Exception {
        // A path below a regular file can never be a directory, even for root.
        Path aFile = Files.writeString(tmp.resolve("afile"), "not a directory");
        Path unusable = aFile.resolve("sub");
        assertThatThrownBy(() -> JdbcMetadataStore.openEmbedded(unusable))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(unusable.resolve("db").toString())
                .hasMessageContaining("not writable");
    }

    @Test
    void openRefusesAnUnsupportedUrlWithoutEchoingIt() {
        assertThatThrownBy(() -> JdbcMetadataStore.open(
                "jdbc:mysql://db/quire?password=hunter2", "u", "hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:h2:")
                .hasMessageNotContaining("hunter2");
    }
}

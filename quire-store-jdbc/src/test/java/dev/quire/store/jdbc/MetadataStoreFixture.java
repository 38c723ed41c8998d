package dev.quire.store.jdbc;

import dev.quire.spi.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Store lifecycle for the contract tests: each test gets a fresh, empty database; a test may
 * reopen the same database with {@link #reopen()}. Implementations supply the two hooks.
 */
public abstract class MetadataStoreFixture {

    protected MetadataStore store;
    private final List<MetadataStore> opened = new ArrayList<>();

    /** Points {@link #openStore()} at a new, empty database. */
    protected abstract void useFreshDatabase() throws Exception;

    /** Opens a store on the database chosen by the last {@link #useFreshDatabase()}. */
    protected abstract MetadataStore openStore();

    @BeforeEach
    final void openFreshStore() throws Exception {
        useFreshDatabase();
        store = track(openStore());
    }

    @AfterEach
    final void closeStores() {
        opened.forEach(MetadataStore::close);
    }

    /** Closes the current store and opens the same database again. */
    protected MetadataStore reopen() {
        store.close();
        store = track(openStore());
        return store;
    }

    private MetadataStore track(MetadataStore s) {
        opened.add(s);
        return s;
    }
}

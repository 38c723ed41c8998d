package dev.quire.core.qbusiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Q Business applications in the metadata store (kind {@value #KIND}, id = application id). */
public final class Applications {
    public static final String KIND = "qbusiness-application";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final MetadataStore store;

    public Applications(MetadataStore store) {
        this.store = store;
    }

    /** ListApplications: maxResults 1–100 (default 100), opaque nextToken. */
    public Page<Application> list(String nextToken, Integer maxResults) {
        int limit = Pagination.limit(maxResults, 100);
        try {
            return Page.read(store, KIND, "", nextToken, limit, Applications::parse);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("nextToken", "The nextToken is not valid.");
        }
    }

    static Application parse(StoredEntity entity) {
        try {
            return JSON.readValue(entity.json(), Application.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored application " + entity.id() + " is unreadable", e);
        }
    }
}

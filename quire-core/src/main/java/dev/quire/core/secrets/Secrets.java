package dev.quire.core.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Secrets Manager secrets in the metadata store (kind {@value #KIND}, id = secret name). */
public final class Secrets {
    public static final String KIND = "secretsmanager-secret";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final MetadataStore store;

    public Secrets(MetadataStore store) {
        this.store = store;
    }

    /** ListSecrets: MaxResults 1–100 (default 100), opaque NextToken. */
    public Page<SecretSummary> list(String nextToken, Integer maxResults) {
        int limit = maxResults == null ? 100 : maxResults;
        if (limit < 1 || limit > 100) {
            throw new ApiError(ErrorCode.SM_INVALID_PARAMETER, "MaxResults must be between 1 and 100.");
        }
        try {
            return Page.read(store, KIND, "", nextToken, limit, Secrets::parse);
        } catch (IllegalArgumentException e) {
            throw new ApiError(ErrorCode.SM_INVALID_PARAMETER, "The NextToken is not valid.");
        }
    }

    static SecretSummary parse(StoredEntity entity) {
        try {
            return JSON.readValue(entity.json(), SecretSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored secret " + entity.id() + " is unreadable", e);
        }
    }
}

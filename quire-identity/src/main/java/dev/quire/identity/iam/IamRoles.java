package dev.quire.identity.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.Page;
import dev.quire.spi.store.StoredEntity;
import java.io.IOException;
import java.io.UncheckedIOException;

/** IAM roles kept in the metadata store (kind {@value #KIND}, id = role name). */
public final class IamRoles {
    public static final String KIND = "iam-role";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final MetadataStore store;

    public IamRoles(MetadataStore store) {
        this.store = store;
    }

    /** ListRoles: Marker/MaxItems paging (1–1000, default 100), optional PathPrefix. */
    public Page<IamRole> list(String pathPrefix, String marker, Integer maxItems) {
        int limit = maxItems == null ? 100 : maxItems;
        if (limit < 1 || limit > 1000) {
            throw new ApiError(ErrorCode.INVALID_INPUT, "MaxItems must be between 1 and 1000.");
        }
        try {
            Page<IamRole> page = Page.read(store, KIND, "", marker, limit, IamRoles::parse);
            if (pathPrefix == null || pathPrefix.isEmpty()) {
                return page;
            }
            return new Page<>(page.items().stream().filter(r -> r.path().startsWith(pathPrefix)).toList(), page.nextToken());
        } catch (IllegalArgumentException e) {
            throw new ApiError(ErrorCode.INVALID_INPUT, "Invalid Marker.");
        }
    }

    static IamRole parse(StoredEntity entity) {
        try {
            return JSON.readValue(entity.json(), IamRole.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored role " + entity.id() + " is unreadable", e);
        }
    }
}

package dev.quire.core.qbusiness.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.StoredJson;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.MetadataStore;
import dev.quire.spi.store.StoredEntity;
import java.util.List;
import java.util.Map;

/**
 * Index capacity, as Amazon Q Business sells it: each unit holds 20,000 documents or 200 MB of
 * text, whichever comes first. Usage is counted from the store, never remembered separately.
 *
 * <p>Assumption about the documents area's records: kind {@value ResourceGuard#DOCUMENT_KIND} in
 * scope {@code app/<app>/index/<index>}, whose JSON has {@code "status":"INDEXED"} once indexed
 * and the extracted text size in bytes as {@code "contentBytes"} (a number; absent counts as 0).
 */
public final class IndexCapacity {
    public static final int DOCUMENTS_PER_UNIT = 20_000;
    public static final long BYTES_PER_UNIT = 200L * 1_000_000L;
    public static final String SIZE_FIELD = "contentBytes";
    private static final int BATCH = 500;

    private final MetadataStore store;
    private final ResourceGuard guard;

    public IndexCapacity(MetadataStore store) {
        this.store = store;
        this.guard = new ResourceGuard(store);
    }

    /** Indexed documents and bytes of the index right now. */
    public TextDocumentStatistics statistics(String applicationId, String indexId) {
        String scope = Scopes.index(applicationId, indexId);
        int count = 0;
        long bytes = 0;
        String after = null;
        while (true) {
            List<StoredEntity> batch = store.list(ResourceGuard.DOCUMENT_KIND, scope, after, BATCH);
            for (StoredEntity doc : batch) {
                JsonNode json = tree(doc);
                if ("INDEXED".equals(json.path("status").asText())) {
                    count++;
                    bytes += json.path(SIZE_FIELD).asLong(0);
                }
            }
            if (batch.size() < BATCH) {
                return new TextDocumentStatistics(count, bytes);
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    /**
     * Throws ServiceQuotaExceededException when adding {@code additionalDocs} documents of
     * {@code additionalBytes} text bytes would take the index over its provisioned units.
     */
    public void check(String applicationId, String indexId, long additionalDocs, long additionalBytes) {
        Index index = Indices.parse(guard.requireIndex(applicationId, indexId));
        TextDocumentStatistics now = statistics(applicationId, indexId);
        requireFits(index.indexId(), index.units(), now.indexedTextDocumentCount() + additionalDocs,
                now.indexedTextBytes() + additionalBytes);
    }

    static void requireFits(String indexId, int units, long documents, long bytes) {
        if (documents > (long) units * DOCUMENTS_PER_UNIT || bytes > units * BYTES_PER_UNIT) {
            throw new ApiError(ErrorCode.SERVICE_QUOTA_EXCEEDED, "The index " + indexId + " has " + units
                    + " capacity unit(s), which hold " + (long) units * DOCUMENTS_PER_UNIT + " documents or "
                    + units * BYTES_PER_UNIT + " bytes; " + documents + " documents of " + bytes
                    + " bytes would not fit.", Map.of("resourceId", indexId, "resourceType", "INDEX"));
        }
    }

    private static JsonNode tree(StoredEntity doc) {
        try {
            return StoredJson.MAPPER.readTree(doc.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored document " + doc.id() + " is unreadable", e);
        }
    }
}

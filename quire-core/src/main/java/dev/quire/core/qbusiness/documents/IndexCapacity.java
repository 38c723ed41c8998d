package dev.quire.core.qbusiness.documents;

/**
 * The index's document capacity, checked before a batch is accepted. The indexes area implements
 * it (it knows the index's capacity units); it throws a ServiceQuotaExceeded ApiError when the
 * batch would not fit.
 */
@FunctionalInterface
public interface IndexCapacity {
    IndexCapacity UNLIMITED = (applicationId, indexId, documents, bytes) -> { };

    /**
     * @param documents how many new documents the batch adds (replacements are not counted)
     * @param bytes     the content bytes of the batch
     */
    void check(String applicationId, String indexId, int documents, long bytes);
}

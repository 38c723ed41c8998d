package dev.quire.core.qbusiness.retriever;

import java.time.Instant;

/**
 * A retriever as stored. NATIVE_INDEX retrievers read a Quire index ({@code indexId});
 * KENDRA_INDEX retrievers are kept for API compatibility but cannot answer (no Kendra here).
 *
 * @param boostingOverrideJson the nativeIndexConfiguration.boostingOverride map as JSON, or null
 */
public record Retriever(String applicationId, String retrieverId, String retrieverArn, String type,
                        String displayName, String status, String roleArn, String indexId,
                        String boostingOverrideJson, String kendraIndexId, Instant createdAt, Instant updatedAt) {
    public boolean nativeIndex() {
        return "NATIVE_INDEX".equals(type);
    }

    Retriever withTimes(Instant created, Instant updated) {
        return new Retriever(applicationId, retrieverId, retrieverArn, type, displayName, status, roleArn, indexId,
                boostingOverrideJson, kendraIndexId, created, updated);
    }

    Retriever with(RetrieverChanges c) {
        RetrieverSource source = c.source();
        return new Retriever(applicationId, retrieverId, retrieverArn, type,
                c.displayName() != null ? c.displayName() : displayName, status,
                c.roleArn() != null ? c.roleArn() : roleArn,
                source != null ? source.indexId() : indexId,
                source != null ? source.boostingOverrideJson() : boostingOverrideJson,
                source != null ? source.kendraIndexId() : kendraIndexId, createdAt, updatedAt);
    }
}

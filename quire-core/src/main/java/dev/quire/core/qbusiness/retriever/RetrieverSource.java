package dev.quire.core.qbusiness.retriever;

/**
 * The RetrieverConfiguration union: exactly one of nativeIndexConfiguration ({@code indexId},
 * optional boostingOverride) or kendraIndexConfiguration ({@code kendraIndexId}).
 */
public record RetrieverSource(String indexId, String boostingOverrideJson, String kendraIndexId) {
    public String type() {
        return indexId != null ? "NATIVE_INDEX" : "KENDRA_INDEX";
    }
}

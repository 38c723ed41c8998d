package dev.quire.core.qbusiness.retriever;

/** An UpdateRetriever request; null members stay as they are. The source must keep the retriever's type. */
public record RetrieverChanges(String displayName, RetrieverSource source, String roleArn) {
}

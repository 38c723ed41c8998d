package dev.quire.core.qbusiness.retriever;

import dev.quire.core.qbusiness.tags.Tag;
import java.util.List;

/** A CreateRetriever request; its JSON is the idempotency fingerprint. */
public record NewRetriever(String type, String displayName, RetrieverSource source, String roleArn, List<Tag> tags) {
    public NewRetriever {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

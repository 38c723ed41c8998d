package dev.quire.core.chat;

import java.time.Instant;
import java.util.List;

/**
 * A source the answer actually cites. Documents carry {@code documentId} and {@code indexId};
 * an attachment of the conversation carries neither.
 */
public record SourceAttribution(String title, String snippet, String url, int citationNumber, Instant updatedAt,
                                String documentId, String indexId, String dataSourceId,
                                List<TextSegment> textMessageSegments) {
    public SourceAttribution {
        textMessageSegments = textMessageSegments == null ? List.of() : List.copyOf(textMessageSegments);
    }
}

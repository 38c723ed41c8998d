package dev.quire.core.chat;

import dev.quire.spi.answer.SourcePassage;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.IndexedChunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers what the answer may cite: the conversation's attachments first, then the retrieved
 * documents in rank order, one number per DOCUMENT (its retrieved chunks, in document order,
 * form one passage), so a document is never cited under two numbers.
 */
final class Passages {
    /** An attachment longer than this is offered in part; it is the user's own text, not a secret. */
    static final int MAX_ATTACHMENT_CHARS = 20_000;

    private Passages() {
    }

    /** One numbered source with what an attribution needs. */
    record Source(int number, String documentId, String indexId, String dataSourceId, String title, String url,
                  Instant updatedAt, String text) {
        SourcePassage passage() {
            return new SourcePassage(number, documentId, title, text, url);
        }
    }

    static List<Source> number(List<StoredAttachment> attachments, List<ChunkHit> hits) {
        List<Source> out = new ArrayList<>();
        for (StoredAttachment a : attachments) {
            String text = a.text().length() > MAX_ATTACHMENT_CHARS ? a.text().substring(0, MAX_ATTACHMENT_CHARS) : a.text();
            out.add(new Source(out.size() + 1, null, null, null, a.name(), null, a.createdAt(), text));
        }
        Map<String, List<IndexedChunk>> byDocument = new LinkedHashMap<>();
        for (ChunkHit hit : hits) {
            byDocument.computeIfAbsent(hit.chunk().documentId(), d -> new ArrayList<>()).add(hit.chunk());
        }
        for (List<IndexedChunk> chunks : byDocument.values()) {
            chunks.sort(Comparator.comparingInt(IndexedChunk::ordinal));
            IndexedChunk first = chunks.get(0);
            StringBuilder text = new StringBuilder();
            Instant updated = first.updatedAt();
            for (IndexedChunk c : chunks) {
                text.append(text.length() == 0 ? "" : "\n\n").append(c.text());
                if (c.updatedAt() != null && (updated == null || c.updatedAt().isAfter(updated))) {
                    updated = c.updatedAt();
                }
            }
            out.add(new Source(out.size() + 1, first.documentId(), first.indexId(), first.dataSourceId(),
                    first.title(), first.sourceUri(), updated, text.toString()));
        }
        return out;
    }
}

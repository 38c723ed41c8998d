package dev.quire.core.retrieval;

import dev.quire.core.ingest.Chunk;
import dev.quire.core.ingest.Chunker;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.extract.ExtractedText;
import dev.quire.spi.extract.ExtractionException;
import dev.quire.spi.extract.TextExtractor;
import dev.quire.spi.index.DocumentIndexer;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.index.PermanentIndexingFailure;
import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.AttributeValue;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The indexing job's real work: extract text, chunk it under its headings, embed every chunk,
 * and replace the document's chunks in the search index in one atomic write — each chunk
 * carrying the document's compiled ACL so retrieval can filter inside the index.
 */
public final class SearchIndexer implements DocumentIndexer {
    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());
    /** Q Business's reserved attribute holding a document's link. */
    static final String SOURCE_URI_ATTRIBUTE = "_source_uri";
    private static final int EMBED_BATCH = 32;

    private final TextExtractor extractor;
    private final Chunker chunker;
    private final Embedder embedder;
    private final SearchIndex index;
    private final Clock clock;
    private final AtomicLong chunksIndexed = new AtomicLong();
    private final AtomicLong embedNanos = new AtomicLong();

    public SearchIndexer(TextExtractor extractor, Chunker chunker, Embedder embedder, SearchIndex index, Clock clock) {
        this.extractor = extractor;
        this.chunker = chunker;
        this.embedder = embedder;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public void index(IndexableDocument doc) {
        ExtractedText text;
        try {
            text = extractor.extract(doc.content(), doc.contentType(), doc.title());
        } catch (ExtractionException e) {
            throw new PermanentIndexingFailure(e.getMessage());
        }
        AclTerms acl;
        try {
            acl = AclCompiler.compile(doc.acl(), doc.dataSourceId());
        } catch (IllegalArgumentException e) {
            throw new PermanentIndexingFailure(e.getMessage());
        }
        List<Chunk> chunks = chunker.chunk(text, doc.title());
        if (chunks.isEmpty()) {
            throw new PermanentIndexingFailure("The document has no text to index.");
        }
        List<float[]> vectors = embed(chunks);
        Map<String, AttributeValue> attributes = attributes(doc.attributes());
        String sourceUri = doc.attributes().get(SOURCE_URI_ATTRIBUTE) instanceof String s ? s : null;
        Instant now = clock.instant();
        List<IndexedChunk> out = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            out.add(new IndexedChunk(doc.applicationId(), doc.indexId(), doc.documentId(),
                    doc.documentId() + "#" + c.ordinal(), c.ordinal(),
                    c.title() == null || c.title().isBlank() ? doc.documentId() : c.title(),
                    c.sectionPath(), c.text(), sourceUri, doc.dataSourceId(), attributes,
                    vectors.get(i), acl, now));
        }
        index.replaceDocument(doc.applicationId(), doc.indexId(), doc.documentId(), out);
        long total = chunksIndexed.addAndGet(out.size());
        LOG.fine(() -> "indexed " + doc.documentId() + " (" + out.size() + " chunks, " + total + " so far)");
    }

    @Override
    public void delete(String applicationId, String indexId, String documentId) {
        index.deleteDocument(applicationId, indexId, documentId);
    }

    /** Chunks indexed and the embedding rate since start, for progress output. */
    public String progress() {
        long chunks = chunksIndexed.get();
        double seconds = embedNanos.get() / 1e9;
        return chunks + " chunks indexed" + (seconds > 0 ? String.format(", embedding %.0f chunks/s", chunks / seconds) : "");
    }

    private List<float[]> embed(List<Chunk> chunks) {
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i += EMBED_BATCH) {
            List<String> batch = chunks.subList(i, Math.min(chunks.size(), i + EMBED_BATCH)).stream()
                    .map(Chunk::searchText).toList();
            vectors.addAll(embedder.embedAll(batch));
        }
        embedNanos.addAndGet(System.nanoTime() - start);
        return vectors;
    }

    @SuppressWarnings("unchecked")
    static Map<String, AttributeValue> attributes(Map<String, Object> raw) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (value instanceof String s) {
                out.put(name, AttributeValue.of(s));
            } else if (value instanceof List<?> l) {
                out.put(name, AttributeValue.of((List<String>) l));
            } else if (value instanceof Long n) {
                out.put(name, AttributeValue.of(n));
            } else if (value instanceof Instant d) {
                out.put(name, AttributeValue.of(d));
            }
        });
        return out;
    }
}

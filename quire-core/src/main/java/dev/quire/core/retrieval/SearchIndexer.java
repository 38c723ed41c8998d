package dev.quire.core.retrieval;

import dev.quire.core.ingest.Chunk;
import dev.quire.core.ingest.Chunker;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.extract.ExtractedText;
import dev.quire.spi.extract.ExtractionException;
import dev.quire.spi.extract.TextExtractor;
import dev.quire.spi.index.DocumentIndexer;
import dev.quire.spi.index.IndexOutcome;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.index.PermanentIndexingFailure;
import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.AttributeValue;
import dev.quire.spi.search.DocumentChunks;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
    /**
     * Documents written together while the model works on: each write is a commit, a new segment
     * and a searcher refresh, so fewer and larger writes cost less CPU than one per embedded batch.
     */
    private static final int MIN_WRITE_GROUP = 8;

    private final TextExtractor extractor;
    private final Chunker chunker;
    private final Embedder embedder;
    private final SearchIndex index;
    private final Clock clock;
    private final AtomicLong chunksIndexed = new AtomicLong();
    private final AtomicLong embedNanos = new AtomicLong();
    /** Runs the model for {@link #indexAll} beside the caller; a daemon that ends when idle. */
    private final ExecutorService embedThread = embedThread();

    public SearchIndexer(TextExtractor extractor, Chunker chunker, Embedder embedder, SearchIndex index, Clock clock) {
        this.extractor = extractor;
        this.chunker = chunker;
        this.embedder = embedder;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public void index(IndexableDocument doc) {
        Prepared p = prepare(doc);
        List<IndexedChunk> chunks = p.toIndexedChunks(embed(p.chunks()), clock.instant());
        index.replaceDocument(doc.applicationId(), doc.indexId(), doc.documentId(), chunks);
        counted(doc.documentId(), chunks.size());
    }

    /**
     * The batch path the indexing worker uses. Every document is extracted and chunked on its own
     * (a failure there fails that document only) while the model already embeds the chunks before
     * it, in full batches that run across document boundaries. Documents are written with
     * {@link SearchIndex#replaceDocuments} as their vectors come in, in groups — each group one
     * commit and one searcher refresh, made while the model embeds the next batch — and the call
     * returns after the last group is committed. If anything in this shared path fails, the
     * documents are redone one at a time, so a document that breaks it cannot fail its neighbours.
     */
    @Override
    public List<IndexOutcome> indexAll(List<IndexableDocument> docs) {
        List<IndexOutcome> outcomes = new ArrayList<>(Collections.nCopies(docs.size(), null));
        List<Pending> pending = new ArrayList<>(docs.size());
        EmbeddingStream stream = new EmbeddingStream(embedder, embedThread, EMBED_BATCH, embedNanos);
        try {
            for (int i = 0; i < docs.size(); i++) {
                Prepared p;
                try {
                    p = prepare(docs.get(i));
                } catch (RuntimeException e) {
                    outcomes.set(i, IndexOutcome.failed(docs.get(i), e));
                    continue;
                }
                pending.add(new Pending(p, stream.add(p.chunks().stream().map(Chunk::searchText).toList())));
            }
            stream.flush();
            writeAsEmbedded(pending, stream);
            fill(outcomes, docs, IndexOutcome::indexed);
        } catch (RuntimeException e) {
            stream.cancel();
            if (pending.size() <= 1) {
                fill(outcomes, docs, doc -> IndexOutcome.failed(doc, e));
            } else {
                LOG.fine(() -> "batch of " + pending.size() + " failed (" + e + "), indexing one at a time");
                fill(outcomes, docs, this::indexAlone);
            }
        }
        return outcomes;
    }

    /** A prepared document and the stream position of its first chunk. */
    private record Pending(Prepared prepared, int first) {
        int end() {
            return first + prepared.chunks().size();
        }
    }

    /**
     * Writes documents as their vectors come in, {@link #MIN_WRITE_GROUP} or more at a time while the
     * model embeds the next ones, the rest at the end.
     */
    private void writeAsEmbedded(List<Pending> pending, EmbeddingStream stream) {
        Instant now = clock.instant();
        List<DocumentChunks> group = new ArrayList<>();
        int next = 0;
        while (next < pending.size()) {
            Pending p = pending.get(next);
            if (group.size() < MIN_WRITE_GROUP || stream.ready(p.first(), p.end())) {
                IndexableDocument d = p.prepared().doc();
                group.add(new DocumentChunks(d.applicationId(), d.indexId(), d.documentId(),
                        p.prepared().toIndexedChunks(stream.vectors(p.first(), p.end()), now)));
                next++;
            } else {
                write(group);
            }
        }
        write(group);
    }

    private void write(List<DocumentChunks> group) {
        if (group.isEmpty()) {
            return;
        }
        index.replaceDocuments(group);
        group.forEach(d -> counted(d.documentId(), d.chunks().size()));
        group.clear();
    }

    private IndexOutcome indexAlone(IndexableDocument doc) {
        try {
            index(doc);
            return IndexOutcome.indexed(doc);
        } catch (RuntimeException e) {
            return IndexOutcome.failed(doc, e);
        }
    }

    /** Sets the outcome of every document that has none yet (the ones that reached the shared step). */
    private static void fill(List<IndexOutcome> outcomes, List<IndexableDocument> docs,
                             Function<IndexableDocument, IndexOutcome> outcome) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                outcomes.set(i, outcome.apply(docs.get(i)));
            }
        }
    }

    /** A document extracted, its ACL compiled and its text chunked: everything but the vectors. */
    private record Prepared(IndexableDocument doc, AclTerms acl, List<Chunk> chunks) {
        List<IndexedChunk> toIndexedChunks(List<float[]> vectors, Instant now) {
            Map<String, AttributeValue> attributes = attributes(doc.attributes());
            String sourceUri = doc.attributes().get(SOURCE_URI_ATTRIBUTE) instanceof String s ? s : null;
            List<IndexedChunk> out = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                Chunk c = chunks.get(i);
                out.add(new IndexedChunk(doc.applicationId(), doc.indexId(), doc.documentId(),
                        doc.documentId() + "#" + c.ordinal(), c.ordinal(),
                        c.title() == null || c.title().isBlank() ? doc.documentId() : c.title(),
                        c.sectionPath(), c.text(), sourceUri, doc.dataSourceId(), attributes,
                        vectors.get(i), acl, now));
            }
            return out;
        }
    }

    private Prepared prepare(IndexableDocument doc) {
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
        return new Prepared(doc, acl, chunks);
    }

    private void counted(String documentId, int chunks) {
        long total = chunksIndexed.addAndGet(chunks);
        LOG.fine(() -> "indexed " + documentId + " (" + chunks + " chunks, " + total + " so far)");
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

    private static ExecutorService embedThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "quire-embed");
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
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

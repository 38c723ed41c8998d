package dev.quire.index.lucene;

import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.DocumentChunks;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The {@link SearchIndex} port on embedded Lucene 9: one Lucene document per chunk (see
 * {@link ChunkDocuments}), one IndexWriter, and a SearcherManager refreshed after every write so a
 * search issued after a write returns sees it (near-real-time). Every write is committed before it
 * returns, so an acknowledged write survives a crash of the process.
 *
 * <p>A document's chunks are replaced with one {@code updateDocuments(docKey, chunks)}, which
 * Lucene applies atomically: a searcher sees all old chunks or all new ones, never a mix.
 * Searches are always confined to the request's application and index, and the caller's ACL is a
 * filter clause INSIDE the query (see {@link AclEncoding}), as is the attribute filter
 * (see {@link AttributeQueries}); {@link LuceneSearcher} runs the BM25, kNN and hybrid modes.
 *
 * <p>All chunk vectors share one dimension, fixed by the first chunk written with a vector;
 * a chunk or query of another dimension is rejected with {@link IllegalArgumentException}.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private final Directory directory;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneSearcher searcher;
    static {
        VectorKernel.quietLucenesVectorizationWarning();
    }

    /** Per-segment bits of (scope + ACL + attributes) filters; 64 MB = 512 filters over 1M chunks. */
    private final FilterBitsCache filterCache = new FilterBitsCache(64L << 20);
    /** int8 codes of the large segments' vectors, for the kNN leg's exact scans. */
    private final QuantizedVectorCache quantizedVectors = QuantizedVectorCache.withDefaultBudget();
    private final Object writeLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int vectorDimension;
    private volatile int aclSlots;
    /** Threads that merge HNSW graphs (see {@link VectorMergeCodec}); idle unless a merge runs. */
    private final ExecutorService mergeThreads;
    private final IdleCompaction compaction;

    /** How long writes must pause before the index is merged into one segment ({@link IdleCompaction}). */
    public static final Duration DEFAULT_COMPACT_AFTER_IDLE = Duration.ofSeconds(60);

    private LuceneSearchIndex(Directory directory, Duration compactAfterIdle) throws IOException {
        this(directory, compactAfterIdle, System::nanoTime, true);
    }

    private LuceneSearchIndex(Directory directory, Duration compactAfterIdle, java.util.function.LongSupplier nanoClock,
                              boolean scheduled) throws IOException {
        this.directory = directory;
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.mergeThreads = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "quire-index-merge");
            t.setDaemon(true);
            return t;
        });
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64)
                .setCodec(VectorMergeCodec.withMergeWorkers(workers, mergeThreads));
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.searcher = new LuceneSearcher(analyzer, quantizedVectors);
        readSchemaFromIndex();
        this.compaction = compactAfterIdle == null ? null : new IdleCompaction(writer, this::segmentCount,
                this::publishMerged, compactAfterIdle, nanoClock, scheduled);
    }

    /** On disk, compacted only when a test calls {@link #compactIfIdleForTests()}, idle time read from {@code nanoClock}. */
    static LuceneSearchIndex openWithManualCompaction(Path dir, Duration compactAfterIdle,
                                                      java.util.function.LongSupplier nanoClock) throws IOException {
        return new LuceneSearchIndex(FSDirectory.open(dir), compactAfterIdle, nanoClock, false);
    }

    /**
     * Opens (creating if absent) an index in {@code dir}, memory-mapped where the platform allows,
     * compacted into one segment after {@link #DEFAULT_COMPACT_AFTER_IDLE} without writes.
     */
    public static LuceneSearchIndex open(Path dir) {
        return open(dir, DEFAULT_COMPACT_AFTER_IDLE);
    }

    /** As {@link #open(Path)}; {@code compactAfterIdle} null never compacts (Lucene's merge policy alone). */
    public static LuceneSearchIndex open(Path dir, Duration compactAfterIdle) {
        try {
            Files.createDirectories(dir);
            org.slf4j.LoggerFactory.getLogger(LuceneSearchIndex.class).info("Opening the search index in {};"
                    + " filtered vector search scores with the {} kernel", dir, VectorKernel.describe());
            return new LuceneSearchIndex(FSDirectory.open(dir), compactAfterIdle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Lucene index in " + dir, e);
        }
    }

    /** A heap-only index, gone when closed (for tests). */
    public static LuceneSearchIndex openInMemory() {
        try {
            return new LuceneSearchIndex(new ByteBuffersDirectory(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void replaceDocument(String applicationId, String indexId, String documentId, List<IndexedChunk> chunks) {
        write(List.of(prepare(applicationId, indexId, documentId, chunks)));
    }

    /** Each document replaced atomically as in {@link #replaceDocument}, all under ONE commit and refresh. */
    @Override
    public void replaceDocuments(List<DocumentChunks> documents) {
        List<PreparedReplace> prepared = new ArrayList<>(documents.size());
        for (DocumentChunks d : documents) {
            prepared.add(prepare(d.applicationId(), d.indexId(), d.documentId(), d.chunks()));
        }
        write(prepared);
    }

    /** One document's chunks as Lucene documents, checked, before the write lock is taken. */
    private record PreparedReplace(String documentId, Term docKey, List<Document> docs, int dimension, int slots) {
    }

    private static PreparedReplace prepare(String applicationId, String indexId, String documentId,
                                           List<IndexedChunk> chunks) {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(chunks, "chunks");
        Term docKey = ChunkDocuments.docKey(applicationId, indexId, documentId);
        int batchDimension = 0;
        int batchSlots = 0;
        List<Document> docs = new ArrayList<>(chunks.size());
        for (IndexedChunk c : chunks) {
            if (!applicationId.equals(c.applicationId()) || !indexId.equals(c.indexId())
                    || !documentId.equals(c.documentId())) {
                throw new IllegalArgumentException("chunk " + c.chunkId() + " does not belong to document "
                        + applicationId + "/" + indexId + "/" + documentId);
            }
            Objects.requireNonNull(c.chunkId(), "chunkId");
            Objects.requireNonNull(c.acl(), "acl (a chunk without an ACL is never indexed: fail closed)");
            if (c.vector() != null) {
                batchDimension = checkDimension(batchDimension, c.vector().length, "chunk " + c.chunkId());
            }
            Document doc = ChunkDocuments.toDocument(c);
            docs.add(doc);
            batchSlots = Math.max(batchSlots, countSlots(doc));
        }
        return new PreparedReplace(documentId, docKey, docs, batchDimension, batchSlots);
    }

    private void write(List<PreparedReplace> replaces) {
        synchronized (writeLock) {
            ensureOpen();
            // Check every vector dimension before writing anything, so a rejected batch leaves no trace.
            int dimension = vectorDimension;
            for (PreparedReplace r : replaces) {
                if (r.dimension() > 0) {
                    dimension = checkDimension(dimension, r.dimension(), "document " + r.documentId());
                }
            }
            vectorDimension = dimension;
            // Raise the slot count before the documents become visible, so no search misses a slot.
            aclSlots = Math.max(aclSlots, replaces.stream().mapToInt(PreparedReplace::slots).max().orElse(0));
            try {
                for (PreparedReplace r : replaces) {
                    if (r.docs().isEmpty()) {
                        writer.deleteDocuments(r.docKey());
                    } else {
                        writer.updateDocuments(r.docKey(), r.docs());
                    }
                }
                commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void deleteDocument(String applicationId, String indexId, String documentId) {
        delete(new TermQuery(ChunkDocuments.docKey(applicationId, indexId, documentId)));
    }

    @Override
    public void deleteIndex(String applicationId, String indexId) {
        delete(indexId == null
                ? new TermQuery(new Term(ChunkDocuments.APP, applicationId))
                : new TermQuery(new Term(ChunkDocuments.SCOPE, ChunkDocuments.scopeKey(applicationId, indexId))));
    }

    @Override
    public List<ChunkHit> search(SearchRequest request) {
        if (request.queryVector() != null && vectorDimension > 0 && request.queryVector().length != vectorDimension) {
            throw new IllegalArgumentException("query vector has dimension " + request.queryVector().length
                    + " but this index holds vectors of dimension " + vectorDimension);
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        filter.add(new TermQuery(new Term(ChunkDocuments.SCOPE,
                ChunkDocuments.scopeKey(request.applicationId(), request.indexId()))), Occur.FILTER);
        filter.add(AclEncoding.filter(request.principals(), aclSlots), Occur.FILTER);
        if (request.filter() != null) {
            filter.add(AttributeQueries.toQuery(request.filter()), Occur.FILTER);
        }
        // Evaluated once per segment and reused by both hybrid legs and by later searches with the
        // same filter; see FilterBitsCache for why an entry cannot outlive a write that changes it.
        Query cachedFilter = filterCache.wrap(filter.build());
        return withSearcher(s -> searcher.search(s, request, cachedFilter));
    }

    QuantizedVectorCache quantizedVectorsForTests() {
        return quantizedVectors;
    }

    FilterBitsCache filterCacheForTests() {
        return filterCache;
    }

    /** BM25 over all chunks without scope or ACL: a baseline for {@link RetrievalBench}, never for users. */
    List<ChunkHit> searchUnfilteredForBenchmark(String queryText, int limit) {
        return withSearcher(s -> searcher.bm25(s, queryText, null, limit));
    }

    @Override
    public long chunkCount(String applicationId, String indexId) {
        Query scope = new TermQuery(new Term(ChunkDocuments.SCOPE, ChunkDocuments.scopeKey(applicationId, indexId)));
        return withSearcher(s -> (long) s.count(scope));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (compaction != null) {
            compaction.close();
        }
        synchronized (writeLock) {
            try (directory; analyzer; searchers) {
                // Every acknowledged write is committed already; rollback (unlike close) does not wait
                // for a compaction that may run for minutes: it aborts it, and the last commit stands.
                try {
                    writer.commit();
                } finally {
                    writer.rollback();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                mergeThreads.shutdownNow();
            }
        }
    }

    /** Segments the current searcher sees (the kNN leg walks one graph per segment). */
    public int segmentCount() {
        return withSearcher(s -> s.getIndexReader().leaves().size());
    }

    /**
     * Merges the index into one segment now and waits (what {@link IdleCompaction} does once writes
     * pause): for benchmarks that measure the steady state, and for tools run after a bulk load.
     */
    public void compact() {
        ensureOpen();
        try {
            writer.forceMerge(1, true);
            publishMerged();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the search index", e);
        }
    }

    /** Compacts now if writes have paused long enough (tests drive it; normally a timer does). */
    boolean compactIfIdleForTests() throws IOException {
        return compaction != null && compaction.tick();
    }

    private void publishMerged() {
        synchronized (writeLock) {
            if (closed.get()) {
                return;
            }
            try {
                commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void delete(Query query) {
        synchronized (writeLock) {
            ensureOpen();
            try {
                writer.deleteDocuments(query);
                commitAndRefresh();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
        if (compaction != null) {
            compaction.wrote();
        }
    }

    private interface SearcherAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherAction<T> action) {
        ensureOpen();
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return action.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the search index is closed");
        }
    }

    private static int checkDimension(int expected, int actual, String what) {
        if (actual == 0) {
            throw new IllegalArgumentException(what + " has an empty vector");
        }
        if (expected != 0 && expected != actual) {
            throw new IllegalArgumentException(what + " has a vector of dimension " + actual
                    + " but this index holds vectors of dimension " + expected);
        }
        return actual;
    }

    private static int countSlots(Document doc) {
        int slots = 0;
        for (var field : doc.getFields()) {
            slots = Math.max(slots, AclEncoding.slotOf(field.name()) + 1);
        }
        return slots;
    }

    /** Recovers the vector dimension and the number of ACL slots of an index opened from disk. */
    private void readSchemaFromIndex() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (FieldInfo info : FieldInfos.getMergedFieldInfos(s.getIndexReader())) {
                if (info.name.equals(ChunkDocuments.VECTOR) && info.getVectorDimension() > 0) {
                    vectorDimension = info.getVectorDimension();
                }
                aclSlots = Math.max(aclSlots, AclEncoding.slotOf(info.name) + 1);
            }
        } finally {
            searchers.release(s);
        }
    }
}

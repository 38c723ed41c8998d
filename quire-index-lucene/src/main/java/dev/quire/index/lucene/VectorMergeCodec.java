package dev.quire.index.lucene;

import java.util.concurrent.ExecutorService;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * Lucene's default codec with one change: merging HNSW graphs runs on {@code workers} threads
 * instead of one. A merge re-inserts the vectors of every segment but the largest into that
 * segment's graph, which costs about as much as building it; compacting a large index (see
 * {@link IdleCompaction}) would otherwise use one core of the machine for the whole time. The
 * on-disk format is exactly Lucene's default, so any Lucene 9.12 reader opens these segments.
 */
final class VectorMergeCodec {
    private VectorMergeCodec() {
    }

    static Codec withMergeWorkers(int workers, ExecutorService mergeThreads) {
        KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN,
                Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH, workers, workers > 1 ? mergeThreads : null);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}

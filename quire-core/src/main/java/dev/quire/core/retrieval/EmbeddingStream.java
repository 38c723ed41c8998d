package dev.quire.core.retrieval;

import dev.quire.spi.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Texts appended in order are embedded in full batches on a background thread while the caller
 * goes on (extracting the next document, writing the documents already embedded). Batches run one
 * at a time, in order — the model spreads each batch over its own threads — so the model sees
 * exactly the batches of {@code batchSize} a raw run would, only without pauses between them.
 */
final class EmbeddingStream {
    private final Embedder embedder;
    private final ExecutorService thread;
    private final int batchSize;
    private final AtomicLong embedNanos;
    private final List<String> pending = new ArrayList<>();
    private final List<Future<List<float[]>>> batches = new ArrayList<>();
    private int submitted;

    EmbeddingStream(Embedder embedder, ExecutorService thread, int batchSize, AtomicLong embedNanos) {
        this.embedder = embedder;
        this.thread = thread;
        this.batchSize = batchSize;
        this.embedNanos = embedNanos;
    }

    /** Appends texts; returns the position of the first one. Full batches start at once. */
    int add(List<String> texts) {
        int first = submitted + pending.size();
        for (String t : texts) {
            pending.add(t);
            if (pending.size() == batchSize) {
                submitPending();
            }
        }
        return first;
    }

    /** Starts the last, partial batch (call after the last {@link #add}). */
    void flush() {
        if (!pending.isEmpty()) {
            submitPending();
        }
    }

    /** Whether the vectors of positions [from, to) are computed (all of them submitted). */
    boolean ready(int from, int to) {
        for (int b = from / batchSize; b <= (to - 1) / batchSize; b++) {
            if (b >= batches.size() || !batches.get(b).isDone()) {
                return false;
            }
        }
        return true;
    }

    /** The vectors of positions [from, to), waiting for them; a failed batch is rethrown. */
    List<float[]> vectors(int from, int to) {
        List<float[]> out = new ArrayList<>(to - from);
        for (int i = from; i < to; ) {
            int b = i / batchSize;
            List<float[]> batch = await(batches.get(b));
            int end = Math.min(to, (b + 1) * batchSize);
            out.addAll(batch.subList(i - b * batchSize, end - b * batchSize));
            i = end;
        }
        return out;
    }

    /** Drops batches not started yet (after a failure: their vectors would be thrown away). */
    void cancel() {
        batches.forEach(f -> f.cancel(false));
    }

    private void submitPending() {
        List<String> texts = List.copyOf(pending);
        pending.clear();
        submitted += texts.size();
        batches.add(thread.submit(() -> {
            long start = System.nanoTime();
            try {
                List<float[]> vectors = embedder.embedAll(texts);
                if (vectors.size() != texts.size()) {
                    throw new IllegalStateException("the embedder returned " + vectors.size() + " vectors for "
                            + texts.size() + " texts");
                }
                return vectors;
            } finally {
                embedNanos.addAndGet(System.nanoTime() - start);
            }
        }));
    }

    private static List<float[]> await(Future<List<float[]>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("embedding was cancelled", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}

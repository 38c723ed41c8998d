package dev.quire.cli;

import dev.quire.index.lucene.RetrievalBench;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quire bench retrieval}: ACL-filtered Lucene retrieval latency over a reusable on-disk index. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Query latency of ACL-filtered retrieval in the embedded Lucene index (1 thread, top 10).", "",
                "Builds an on-disk index of --chunks synthetic chunks in --index-dir, or REUSES the index already",
                "there when its commit records the same chunk count and corpus (a different index there is an error,",
                "never overwritten). Chunk vectors are random unit 384-dimension vectors made WITHOUT the embedding",
                "model; text is Zipf-distributed random vocabulary; every chunk is readable by one of 100 bucket groups",
                "(1 in 5 only together with group:staff, 1 in 20 also denying a user). The build adds chunks from",
                "several threads with a large RAM buffer and ONE commit at the end, printing its rate and ETA; 1,000,000",
                "chunks take tens of minutes on 2 cores.", "",
                "Then prints p50/p99 (ms) and hits per query for: raw Lucene BM25 with no scope and no ACL (the",
                "baseline), then BM25, kNN and hybrid (RRF) through LuceneSearchIndex.search with the ACL inside the",
                "query, for users who may read ~1%%, ~10%% and ~50%% of the chunks. Question embedding is NOT included",
                "(query vectors are random too); see 'quire bench chat' for the end-to-end figure."})
final class RetrievalBenchCommand implements Runnable {
    @Option(names = "--chunks", defaultValue = "1000000", description = "Index size (default: ${DEFAULT-VALUE}).")
    int chunks;

    @Option(names = "--index-dir", required = true,
            description = "Where the index is built, or reused by later runs. Keep it outside the repository.")
    Path indexDir;

    @Option(names = "--queries", defaultValue = "500", description = "Measured queries per row, after 100 warm-up queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Override
    public void run() {
        if (chunks < 1 || queries < 1) {
            throw new IllegalArgumentException("--chunks and --queries must be at least 1");
        }
        RetrievalBench.run(System.out, indexDir, chunks, queries);
    }
}

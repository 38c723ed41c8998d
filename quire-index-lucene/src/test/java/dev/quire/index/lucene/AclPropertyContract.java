package dev.quire.index.lucene;

import static dev.quire.index.lucene.TestChunks.chunk;
import static dev.quire.index.lucene.TestChunks.chunkIds;
import static dev.quire.index.lucene.TestChunks.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.search.SearchRequest.Mode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Randomised: a few hundred chunks with random ACLs (deny, OR, AND, empty clauses, DATASOURCE
 * groups) and many random principal sets. For every query, in every mode, the returned set must be
 * exactly the matching chunks {@link AclTerms#permits} admits (no leak, no loss); with a small limit
 * it must be a subset of that set of the right size.
 */
public abstract class AclPropertyContract {
    private static final List<String> UNIVERSE = List.of("user:u0", "user:u1", "user:u2", "user:u3", "user:u4",
            "group:g0", "group:g1", "group:g2", "group:ds-1:g0", "group:ds-1:g1", "group:ds-2:g0", "user:u5");
    private static final int DOCS = 300;
    private static final int PRINCIPAL_SETS = 40;
    private static final int WORDS = 6;
    private static final int DIM = 8;

    protected abstract SearchIndex newIndex();

    @Test
    void everyModeReturnsExactlyWhatTheReferenceAdmits() {
        Random random = new Random(20250102L);
        List<IndexedChunk> chunks = new ArrayList<>();
        try (SearchIndex index = newIndex()) {
            for (int d = 0; d < DOCS; d++) {
                StringBuilder text = new StringBuilder("common");
                for (int w = 0; w < WORDS; w++) {
                    if (random.nextInt(3) == 0) {
                        text.append(" w").append(w);
                    }
                }
                IndexedChunk c = chunk("d" + d, 0, text.toString(), randomVector(random), randomAcl(random));
                chunks.add(c);
                index.replaceDocument(TestChunks.APP, TestChunks.INDEX, "d" + d, List.of(c));
            }
            int pairs = 0;
            int admittedTotal = 0;
            for (int p = 0; p < PRINCIPAL_SETS; p++) {
                Set<String> principals = randomSubset(random, UNIVERSE, random.nextInt(6));
                String word = random.nextBoolean() ? "common" : "w" + random.nextInt(WORDS);
                Set<String> lexical = new HashSet<>();
                Set<String> all = new HashSet<>();
                for (IndexedChunk c : chunks) {
                    if (c.acl().permits(principals)) {
                        all.add(c.chunkId());
                        if ((" " + c.text() + " ").contains(" " + word + " ")) {
                            lexical.add(c.chunkId());
                        }
                    }
                }
                admittedTotal += all.size();
                float[] vector = randomVector(random);
                for (Mode mode : Mode.values()) {
                    Set<String> expected = mode == Mode.BM25 ? lexical : all;
                    var whole = index.search(request(word, vector, principals, null, DOCS, mode));
                    assertThat(chunkIds(whole)).as(mode + " " + principals + " '" + word + "'").isEqualTo(expected);
                    var top = chunkIds(index.search(request(word, vector, principals, null, 7, mode)));
                    assertThat(expected).as(mode + " top 7 " + principals).containsAll(top);
                    assertThat(top).hasSize(Math.min(7, expected.size()));
                    pairs += DOCS;
                }
            }
            assertThat(pairs).isGreaterThanOrEqualTo(3 * 2000);
            // The random ACLs must exercise both outcomes, or the test proves little.
            assertThat(admittedTotal).isBetween(PRINCIPAL_SETS, PRINCIPAL_SETS * DOCS - PRINCIPAL_SETS);
        }
    }

    private static AclTerms randomAcl(Random random) {
        Set<String> deny = random.nextInt(4) == 0 ? randomSubset(random, UNIVERSE, 1 + random.nextInt(2)) : Set.of();
        List<Set<String>> clauses = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            int size = kind == 0 ? 0 : kind < 6 ? 1 : 2 + random.nextInt(2);
            clauses.add(randomSubset(random, UNIVERSE, size));
        }
        return new AclTerms(deny, clauses);
    }

    private static Set<String> randomSubset(Random random, List<String> from, int size) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return new HashSet<>(copy.subList(0, size));
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}

package dev.quire.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.chat.HashingEmbedder;
import dev.quire.spi.embed.Embedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Question embeddings are reused only for the exact same text, and never handed out mutable. */
class QueryEmbeddingCacheTest {
    /** The real hashing embedder, recording which texts reached it. */
    private static final class Recording implements Embedder {
        final HashingEmbedder model = new HashingEmbedder(16);
        final List<String> embedded = new ArrayList<>();

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public String modelName() {
            return model.modelName();
        }

        @Override
        public synchronized float[] embed(String text) {
            embedded.add(text);
            return model.embed(text);
        }
    }

    @Test
    void theSameTextIsEmbeddedOnceAndAnyOtherTextAgain() {
        Recording model = new Recording();
        QueryEmbeddingCache cache = new QueryEmbeddingCache(model, 8);
        float[] first = cache.embed("What is the travel policy?");
        float[] again = cache.embed("What is the travel policy?");
        cache.embed("what is the travel policy?");
        assertThat(again).containsExactly(first);
        assertThat(model.embedded).containsExactly("What is the travel policy?", "what is the travel policy?");
        assertThat(cache.hitCount()).isEqualTo(1);
    }

    @Test
    void aCallerChangingItsVectorDoesNotChangeTheCachedOne() {
        QueryEmbeddingCache cache = new QueryEmbeddingCache(new Recording(), 8);
        float[] expected = new HashingEmbedder(16).embed("budget report");
        cache.embed("budget report")[0] = 42f;
        float[] second = cache.embed("budget report");
        second[1] = 42f;
        assertThat(cache.embed("budget report")).containsExactly(expected);
    }

    @Test
    void theLeastRecentlyUsedTextIsForgottenBeyondCapacity() {
        Recording model = new Recording();
        QueryEmbeddingCache cache = new QueryEmbeddingCache(model, 2);
        cache.embed("alpha");
        cache.embed("bravo");
        cache.embed("alpha");
        cache.embed("charlie"); // evicts bravo, the least recently used
        cache.embed("alpha");
        cache.embed("bravo");
        assertThat(model.embedded).containsExactly("alpha", "bravo", "charlie", "bravo");
    }

    @Test
    void veryLongTextsAreNotKept() {
        Recording model = new Recording();
        QueryEmbeddingCache cache = new QueryEmbeddingCache(model, 8);
        String long1 = "word ".repeat(QueryEmbeddingCache.MAX_CACHED_CHARS);
        cache.embed(long1);
        cache.embed(long1);
        assertThat(model.embedded).hasSize(2);
    }
}

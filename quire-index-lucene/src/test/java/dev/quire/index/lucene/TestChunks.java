package dev.quire.index.lucene;

import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.AttributeFilter;
import dev.quire.spi.search.AttributeValue;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchRequest;
import dev.quire.spi.search.SearchRequest.Mode;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders shared by the index tests (also published in the test-jar for other backends). */
public final class TestChunks {
    public static final String APP = "app-1";
    public static final String INDEX = "index-1";

    private TestChunks() {
    }

    public static IndexedChunk chunk(String documentId, int ordinal, String text, float[] vector, AclTerms acl) {
        return chunk(APP, INDEX, documentId, ordinal, null, text, vector, acl, Map.of());
    }

    public static IndexedChunk chunk(String app, String index, String documentId, int ordinal, String title,
                                     String text, float[] vector, AclTerms acl,
                                     Map<String, AttributeValue> attributes) {
        return new IndexedChunk(app, index, documentId, documentId + "#" + ordinal, ordinal, title, List.of(),
                text, "s3://bucket/" + documentId, "ds-1", attributes, vector, acl,
                Instant.parse("2025-01-02T03:04:05Z"));
    }

    public static AclTerms allow(String... singleTermClauses) {
        return new AclTerms(Set.of(), java.util.Arrays.stream(singleTermClauses).map(Set::of).toList());
    }

    public static SearchRequest request(String text, float[] vector, Set<String> principals,
                                        AttributeFilter filter, int limit, Mode mode) {
        return new SearchRequest(APP, INDEX, text, vector, principals, filter, limit, mode);
    }

    public static Set<String> chunkIds(List<ChunkHit> hits) {
        Set<String> ids = new LinkedHashSet<>();
        hits.forEach(h -> ids.add(h.chunk().chunkId()));
        return ids;
    }

    public static List<String> documentIds(List<ChunkHit> hits) {
        return hits.stream().map(h -> h.chunk().documentId()).toList();
    }

    public static float[] vec(float... values) {
        return values;
    }
}

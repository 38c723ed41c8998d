package dev.quire.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.documents.ResolvedUserPrincipals;
import dev.quire.core.qbusiness.principals.PrincipalResolver;
import dev.quire.core.retrieval.PermissionAwareRetriever;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.search.AclTerms;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.spi.search.SearchRequest;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat retrieves from the application's NATIVE_INDEX retriever's index, and from nothing once that index is gone. */
class ChatRetrievalTest {
    private static final String APP = "app-chat-retrieval";
    private static final String INDEX = "index-chat-retrieval";
    private static final ChatUser USER = new ChatUser("user@example.com", false);

    @TempDir
    Path dir;
    private JdbcMetadataStore store;
    private LuceneSearchIndex index;
    private ChatRetrieval retrieval;

    @BeforeEach
    void setUp() {
        store = JdbcMetadataStore.openEmbedded(dir.resolve("db"));
        index = LuceneSearchIndex.openInMemory();
        store.insert(Applications.KIND, APP, "", "{\"applicationId\":\"" + APP + "\",\"status\":\"ACTIVE\"}");
        store.insert(ResourceGuard.INDEX_KIND, INDEX, Scopes.application(APP), "{\"indexId\":\"" + INDEX + "\"}");
        store.insert(ResourceGuard.RETRIEVER_KIND, "retriever-1", Scopes.application(APP),
                "{\"applicationId\":\"" + APP + "\",\"retrieverId\":\"retriever-1\",\"type\":\"NATIVE_INDEX\","
                        + "\"indexId\":\"" + INDEX + "\"}");
        HashingEmbedder embedder = new HashingEmbedder(64);
        index.replaceDocument(APP, INDEX, "doc", List.of(new IndexedChunk(APP, INDEX, "doc", "doc#0", 0, "Travel",
                List.of(), "the travel policy allows economy class", "s3://b/doc", null, Map.of(),
                embedder.embed("the travel policy allows economy class"), AclTerms.everyone(), Instant.EPOCH)));
        retrieval = new ChatRetrieval(store, new PermissionAwareRetriever(index, embedder,
                new ResolvedUserPrincipals(new PrincipalResolver(store)), (a, i) -> List.of()));
    }

    @AfterEach
    void tearDown() {
        index.close();
        store.close();
    }

    @Test
    void theNativeRetrieversIndexIsSearched() {
        assertThat(retrieval.nativeIndex(APP)).contains(INDEX);
        assertThat(retrieval.retrieve(APP, USER, "travel policy", null, 5, SearchRequest.Mode.HYBRID))
                .extracting(h -> h.chunk().chunkId()).containsExactly("doc#0");
    }

    @Test
    void aRetrieverWhoseIndexWasDeletedGivesNoSources() {
        store.delete(ResourceGuard.INDEX_KIND, INDEX);
        assertThat(retrieval.nativeIndex(APP)).isEmpty();
        assertThat(retrieval.retrieve(APP, USER, "travel policy", null, 5, SearchRequest.Mode.HYBRID)).isEmpty();
    }

    @Test
    void anIndexOfAnotherApplicationIsNotUsed() {
        store.delete(ResourceGuard.INDEX_KIND, INDEX);
        store.insert(ResourceGuard.INDEX_KIND, INDEX, Scopes.application("another-app"), "{\"indexId\":\"" + INDEX + "\"}");
        assertThat(retrieval.nativeIndex(APP)).isEmpty();
    }
}

package dev.quire.core.chat;

import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.retriever.Retriever;
import dev.quire.core.qbusiness.retriever.Retrievers;
import dev.quire.core.retrieval.PermissionAwareRetriever;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.search.AttributeFilter;
import dev.quire.spi.search.ChunkHit;
import dev.quire.spi.search.SearchRequest;
import dev.quire.spi.store.MetadataStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Retrieval for chat: the application's NATIVE_INDEX retriever names the index; an application
 * without one (or whose index is gone) answers without sources. The ACL is applied inside the
 * index query by {@link PermissionAwareRetriever}; an anonymous user additionally keeps only
 * chunks that a user with no principal at all may read, i.e. documents without an ACL.
 */
final class ChatRetrieval {
    private final Retrievers retrievers;
    private final ResourceGuard guard;
    private final PermissionAwareRetriever retriever;

    ChatRetrieval(MetadataStore store, PermissionAwareRetriever retriever) {
        this.retrievers = new Retrievers(store);
        this.guard = new ResourceGuard(store);
        this.retriever = retriever;
    }

    List<ChunkHit> retrieve(String applicationId, ChatUser user, String query, AttributeFilter filter, int limit,
                            SearchRequest.Mode mode) {
        Optional<String> indexId = nativeIndex(applicationId);
        if (indexId.isEmpty() || query.isBlank()) {
            return List.of();
        }
        List<ChunkHit> hits = retriever.retrieve(applicationId, indexId.get(), user.id(), query, filter, limit, mode);
        if (user.anonymous()) {
            return hits.stream().filter(h -> h.chunk().acl() != null && h.chunk().acl().permits(Set.of())).toList();
        }
        return hits;
    }

    Optional<String> nativeIndex(String applicationId) {
        String next = null;
        do {
            var page = retrievers.list(applicationId, next, 50);
            for (Retriever r : page.items()) {
                if (r.nativeIndex()) {
                    try {
                        // The retriever was just read by the listing; only its index's existence is
                        // left to check (what requireNative would do after reading it a second time).
                        guard.requireIndex(applicationId, r.indexId());
                        return Optional.of(r.indexId());
                    } catch (ApiError e) {
                        if (e.code() != ErrorCode.RESOURCE_NOT_FOUND) {
                            throw e;
                        }
                    }
                }
            }
            next = page.nextToken();
        } while (next != null);
        return Optional.empty();
    }
}

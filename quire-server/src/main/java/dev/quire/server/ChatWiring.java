package dev.quire.server;

import dev.quire.core.chat.ChatHistory;
import dev.quire.core.chat.ChatService;
import dev.quire.core.chat.MessageAccess;
import dev.quire.core.chat.answer.ExtractiveAnswerer;
import dev.quire.core.qbusiness.datasources.DataSource;
import dev.quire.core.qbusiness.datasources.DataSources;
import dev.quire.core.qbusiness.documents.Documents;
import dev.quire.core.qbusiness.documents.ResolvedUserPrincipals;
import dev.quire.core.qbusiness.principals.CachingPrincipalResolver;
import dev.quire.core.qbusiness.principals.PrincipalLookup;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.core.retrieval.PermissionAwareRetriever;
import dev.quire.extract.tika.TikaTextExtractor;
import dev.quire.server.api.qbusiness.ChatArea;
import dev.quire.spi.answer.AnswerGenerator;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;

/** Builds the chat area: permission-aware retrieval, the answer generator (extractive by default), history. */
final class ChatWiring {
    private ChatWiring() {
    }

    static ChatArea area(MetadataStore store, ServerConfig config, SearchIndex searchIndex, Embedder embedder,
                         Documents documents, DataSources dataSources) {
        return area(store, config, searchIndex, embedder, documents, dataSources, new ExtractiveAnswerer());
    }

    static ChatArea area(MetadataStore store, ServerConfig config, SearchIndex searchIndex, Embedder embedder,
                         Documents documents, DataSources dataSources, AnswerGenerator answers) {
        return parts(store, config, searchIndex, embedder, documents, dataSources, answers,
                new CachingPrincipalResolver(store)).area();
    }

    /** The chat services shared by the API area and the hosted web experience. */
    record Parts(ChatService chat, ChatHistory history, MessageAccess access) {
        ChatArea area() {
            return new ChatArea(chat, history, access);
        }
    }

    /**
     * @param principals the server's one principal lookup (a {@link CachingPrincipalResolver}),
     *                   shared with document access so a user's groups are resolved once
     */
    static Parts parts(MetadataStore store, ServerConfig config, SearchIndex searchIndex, Embedder embedder,
                       Documents documents, DataSources dataSources, AnswerGenerator answers,
                       PrincipalLookup principals) {
        PermissionAwareRetriever retriever = new PermissionAwareRetriever(searchIndex, embedder,
                new ResolvedUserPrincipals(principals), (app, index) -> dataSourceIds(dataSources, app, index));
        ChatService chat = new ChatService(store, new SubscriptionService(store, config.clock(), config.accountId(),
                principals), retriever, answers, new TikaTextExtractor(), config.clock());
        return new Parts(chat, new ChatHistory(store), new MessageAccess(store, documents, principals));
    }

    private static List<String> dataSourceIds(DataSources dataSources, String applicationId, String indexId) {
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            var page = dataSources.list(applicationId, indexId, next, 10);
            page.items().stream().map(DataSource::dataSourceId).forEach(ids::add);
            next = page.nextToken();
        } while (next != null);
        return ids;
    }
}

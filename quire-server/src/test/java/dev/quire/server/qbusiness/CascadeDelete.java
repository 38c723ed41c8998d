package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.qbusiness.ClientTokens;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.tags.ResourceTags;
import java.util.UUID;
import software.amazon.awssdk.services.qbusiness.model.ResponseScope;
import software.amazon.awssdk.services.qbusiness.model.RetrieverType;
import software.amazon.awssdk.services.qbusiness.model.Tag;

/** Builds an application holding one of every control-plane resource, for the cascade-delete checks. */
final class CascadeDelete {
    private CascadeDelete() {
    }

    static void fill(ControlPlane cp, String app) {
        Tag tag = Tag.builder().key("k").value("v").build();
        cp.qb.tagResource(r -> r.resourceARN(cp.qb.getApplication(g -> g.applicationId(app)).applicationArn())
                .tags(tag));
        String index = cp.qb.createIndex(r -> r.applicationId(app).displayName("i").tags(tag)
                .clientToken(UUID.randomUUID().toString())).indexId();
        assertThat(cp.qb.batchPutDocument(r -> r.applicationId(app).indexId(index)
                .documents(DocumentsSdkContract.doc("doc-1", "hello"))).failedDocuments()).isEmpty();
        cp.qb.createRetriever(r -> r.applicationId(app).type(RetrieverType.NATIVE_INDEX).displayName("r").tags(tag)
                .clientToken(UUID.randomUUID().toString())
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index))));
        cp.qb.createWebExperience(r -> r.applicationId(app).tags(tag).clientToken(UUID.randomUUID().toString()));
        cp.qb.updateChatControlsConfiguration(r -> r.applicationId(app)
                .responseScope(ResponseScope.EXTENDED_KNOWLEDGE_ENABLED)
                .blockedPhrasesConfigurationUpdate(b -> b.blockedPhrasesToCreateOrUpdate("secret")));

        String scope = Scopes.application(app);
        assertThat(cp.store.count(ResourceGuard.INDEX_KIND, scope)).isEqualTo(1);
        assertThat(cp.store.count(ResourceGuard.RETRIEVER_KIND, scope)).isEqualTo(1);
        assertThat(cp.store.count(ResourceGuard.WEB_EXPERIENCE_KIND, scope)).isEqualTo(1);
        assertThat(cp.store.count(ResourceGuard.CHAT_CONTROLS_KIND, scope)).isEqualTo(1);
        assertThat(cp.store.count(ResourceTags.KIND, scope)).isEqualTo(3);
        assertThat(cp.store.count(ClientTokens.KIND, scope)).isEqualTo(3);
        assertThat(cp.store.count(ResourceTags.KIND, Scopes.index(app, index))).isEqualTo(1);
        assertThat(cp.store.count(ResourceGuard.DOCUMENT_KIND, Scopes.index(app, index))).isEqualTo(1);
    }

    /**
     * Nothing is left under {@code app/<id>}: {@code deleteScope} reports how many records it
     * found, so zero proves the application's delete already took every kind, at every depth.
     */
    static void assertNothingLeft(ControlPlane cp, String app) {
        assertThat(cp.store.get(ResourceGuard.APPLICATION_KIND, app)).isEmpty();
        assertThat(cp.store.deleteScope(Scopes.application(app))).isZero();
    }
}

package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static dev.quire.server.qbusiness.ControlPlane.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.retriever.Retrievers;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.GetRetrieverResponse;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.RetrieverStatus;
import software.amazon.awssdk.services.qbusiness.model.RetrieverType;

/** CreateRetriever … DeleteRetriever through the AWS SDK, and the native-only rule chat relies on. */
class RetrieversAreaSdkTest {
    @TempDir
    static Path dataDir;
    static ControlPlane cp;

    @BeforeAll
    static void start() {
        cp = ControlPlane.h2(dataDir);
    }

    @AfterAll
    static void stop() {
        cp.close();
    }

    private static String nativeRetriever(String app, String index) {
        return cp.qb.createRetriever(r -> r.applicationId(app).type(RetrieverType.NATIVE_INDEX).displayName("r")
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))).retrieverId();
    }

    @Test
    void nativeRetrieverReadsAnIndexOfItsApplication() {
        String app = cp.anonymousApp("ret");
        String index = cp.index(app);
        var created = cp.qb.createRetriever(r -> r.applicationId(app).type(RetrieverType.NATIVE_INDEX)
                .displayName("main").roleArn("arn:aws:iam::123456789012:role/r")
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index))));
        String appArn = cp.qb.getApplication(r -> r.applicationId(app)).applicationArn();
        assertThat(created.retrieverArn()).isEqualTo(appArn + "/retriever/" + created.retrieverId());

        GetRetrieverResponse got = cp.qb.getRetriever(r -> r.applicationId(app).retrieverId(created.retrieverId()));
        assertThat(got.type()).isEqualTo(RetrieverType.NATIVE_INDEX);
        assertThat(got.status()).isEqualTo(RetrieverStatus.ACTIVE);
        assertThat(got.displayName()).isEqualTo("main");
        assertThat(got.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/r");
        assertThat(got.configuration().nativeIndexConfiguration().indexId()).isEqualTo(index);
        assertThat(new Retrievers(cp.store).requireNative(app, created.retrieverId())).isEqualTo(index);
    }

    @Test
    void theIndexMustExistInTheSameApplication() {
        String app = cp.anonymousApp("ret-missing");
        String otherIndex = cp.index(cp.anonymousApp("ret-other"));
        ResourceNotFoundException e = assertFails(ResourceNotFoundException.class, 404,
                () -> nativeRetriever(app, otherIndex));
        assertThat(e.resourceType()).isEqualTo("INDEX");
        assertFails(ResourceNotFoundException.class, 404, () -> nativeRetriever(app, UUID.randomUUID().toString()));
    }

    @Test
    void kendraRetrieverIsStoredButCannotServeChat() {
        String app = cp.anonymousApp("kendra");
        String kendraIndex = UUID.randomUUID().toString();
        String id = cp.qb.createRetriever(r -> r.applicationId(app).type(RetrieverType.KENDRA_INDEX)
                .displayName("k").configuration(c -> c.kendraIndexConfiguration(k -> k.indexId(kendraIndex))))
                .retrieverId();
        GetRetrieverResponse got = cp.qb.getRetriever(r -> r.applicationId(app).retrieverId(id));
        assertThat(got.configuration().kendraIndexConfiguration().indexId()).isEqualTo(kendraIndex);
        assertThatThrownBy(() -> new Retrievers(cp.store).requireNative(app, id)).isInstanceOf(ApiError.class)
                .hasMessageContaining("KENDRA_INDEX").extracting(t -> ((ApiError) t).code())
                .isEqualTo(ErrorCode.VALIDATION);
    }

    @Test
    void configurationMustMatchTheType() {
        String app = cp.anonymousApp("mismatch");
        String index = cp.index(app);
        assertInvalid("configuration", () -> cp.qb.createRetriever(r -> r.applicationId(app)
                .type(RetrieverType.KENDRA_INDEX).displayName("x")
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))));
        assertInvalid("configuration", () -> cp.qb.createRetriever(r -> r.applicationId(app)
                .type(RetrieverType.NATIVE_INDEX).displayName("x")));
        assertInvalid("type", () -> cp.qb.createRetriever(r -> r.applicationId(app).displayName("x")
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))));
        assertInvalid("displayName", () -> cp.qb.createRetriever(r -> r.applicationId(app)
                .type(RetrieverType.NATIVE_INDEX).configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))));
    }

    @Test
    void updateListIdempotencyAndDelete() {
        String app = cp.anonymousApp("ret-crud");
        String index = cp.index(app);
        String other = cp.index(app);
        String token = UUID.randomUUID().toString();
        String id = cp.qb.createRetriever(r -> r.applicationId(app).type(RetrieverType.NATIVE_INDEX)
                .displayName("r1").clientToken(token)
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))).retrieverId();
        assertThat(cp.qb.createRetriever(r -> r.applicationId(app).type(RetrieverType.NATIVE_INDEX)
                .displayName("r1").clientToken(token)
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))).retrieverId()).isEqualTo(id);
        assertFails(ConflictException.class, 409, () -> cp.qb.createRetriever(r -> r.applicationId(app)
                .type(RetrieverType.NATIVE_INDEX).displayName("r2").clientToken(token)
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))));

        cp.qb.updateRetriever(r -> r.applicationId(app).retrieverId(id).displayName("renamed")
                .configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(other))));
        GetRetrieverResponse got = cp.qb.getRetriever(r -> r.applicationId(app).retrieverId(id));
        assertThat(got.displayName()).isEqualTo("renamed");
        assertThat(got.configuration().nativeIndexConfiguration().indexId()).isEqualTo(other);

        nativeRetriever(app, index);
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            String t = next;
            var page = cp.qb.listRetrievers(r -> r.applicationId(app).maxResults(1).nextToken(t));
            page.retrievers().forEach(r -> seen.add(r.retrieverId()));
            next = page.nextToken();
        } while (next != null);
        assertThat(seen).hasSize(2).contains(id);
        assertInvalid("maxResults", () -> cp.qb.listRetrievers(r -> r.applicationId(app).maxResults(51)));

        cp.qb.deleteRetriever(r -> r.applicationId(app).retrieverId(id));
        ResourceNotFoundException e = assertFails(ResourceNotFoundException.class, 404,
                () -> cp.qb.getRetriever(r -> r.applicationId(app).retrieverId(id)));
        assertThat(e.resourceType()).isEqualTo("RETRIEVER");
    }

    @Test
    void aRetrieverWhoseIndexWasDeletedCannotServeChat() {
        String app = cp.anonymousApp("orphan");
        String index = cp.index(app);
        String id = nativeRetriever(app, index);
        cp.qb.deleteIndex(r -> r.applicationId(app).indexId(index));
        assertThatThrownBy(() -> new Retrievers(cp.store).requireNative(app, id)).isInstanceOf(ApiError.class)
                .extracting(t -> ((ApiError) t).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
    }
}

package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static dev.quire.server.qbusiness.ControlPlane.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.index.IndexCapacity;
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
import software.amazon.awssdk.services.qbusiness.model.AttributeType;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.GetIndexResponse;
import software.amazon.awssdk.services.qbusiness.model.IndexStatus;
import software.amazon.awssdk.services.qbusiness.model.IndexType;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.qbusiness.model.Status;

/** CreateIndex … DeleteIndex, capacity units and statistics through the AWS SDK. */
class IndicesAreaSdkTest {
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

    @Test
    void createdIndexIsActiveWithItsArnTypeAndUnits() {
        String app = cp.anonymousApp("indexed");
        var created = cp.qb.createIndex(r -> r.applicationId(app).displayName("docs").description("all docs")
                .type(IndexType.STARTER).capacityConfiguration(c -> c.units(5)));
        String appArn = cp.qb.getApplication(r -> r.applicationId(app)).applicationArn();
        assertThat(created.indexArn()).isEqualTo(appArn + "/index/" + created.indexId());

        GetIndexResponse index = cp.qb.getIndex(r -> r.applicationId(app).indexId(created.indexId()));
        assertThat(index.status()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(index.type()).isEqualTo(IndexType.STARTER);
        assertThat(index.capacityConfiguration().units()).isEqualTo(5);
        assertThat(index.displayName()).isEqualTo("docs");
        assertThat(index.description()).isEqualTo("all docs");
        assertThat(index.applicationId()).isEqualTo(app);
        assertThat(index.indexStatistics().textDocumentStatistics().indexedTextDocumentCount()).isZero();
        assertThat(index.indexStatistics().textDocumentStatistics().indexedTextBytes()).isZero();

        String defaults = cp.index(app);
        GetIndexResponse d = cp.qb.getIndex(r -> r.applicationId(app).indexId(defaults));
        assertThat(d.type()).isEqualTo(IndexType.ENTERPRISE);
        assertThat(d.capacityConfiguration().units()).isEqualTo(1);
    }

    @Test
    void unitsAreCappedPerIndexType() {
        String app = cp.anonymousApp("caps");
        ServiceQuotaExceededException e = assertFails(ServiceQuotaExceededException.class, 402, () -> cp.qb
                .createIndex(r -> r.applicationId(app).displayName("s").type(IndexType.STARTER)
                        .capacityConfiguration(c -> c.units(6))));
        assertThat(e.getMessage()).contains("STARTER").contains("5");
        assertFails(ServiceQuotaExceededException.class, 402, () -> cp.qb.createIndex(r -> r.applicationId(app)
                .displayName("e").type(IndexType.ENTERPRISE).capacityConfiguration(c -> c.units(51))));
        assertThat(cp.qb.createIndex(r -> r.applicationId(app).displayName("e").type(IndexType.ENTERPRISE)
                .capacityConfiguration(c -> c.units(50))).indexId()).isNotBlank();
        assertInvalid("capacityConfiguration.units", () -> cp.qb.createIndex(r -> r.applicationId(app)
                .displayName("z").capacityConfiguration(c -> c.units(0))));
        String starter = cp.qb.createIndex(r -> r.applicationId(app).displayName("s").type(IndexType.STARTER))
                .indexId();
        assertFails(ServiceQuotaExceededException.class, 402, () -> cp.qb.updateIndex(r -> r.applicationId(app)
                .indexId(starter).capacityConfiguration(c -> c.units(6))));
    }

    @Test
    void statisticsCountOnlyIndexedDocumentsAndCapacityIsEnforcedFromThem() {
        String app = cp.anonymousApp("stats");
        String index = cp.index(app);
        seedDocument(app, index, "INDEXED", 1_000);
        seedDocument(app, index, "INDEXED", 2_500);
        seedDocument(app, index, "FAILED", 9_999);
        seedDocument(app, index, "PROCESSING", 7);

        var stats = cp.qb.getIndex(r -> r.applicationId(app).indexId(index)).indexStatistics()
                .textDocumentStatistics();
        assertThat(stats.indexedTextDocumentCount()).isEqualTo(2);
        assertThat(stats.indexedTextBytes()).isEqualTo(3_500L);

        IndexCapacity capacity = new IndexCapacity(cp.store);
        assertThatCode(() -> capacity.check(app, index, 19_998, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> capacity.check(app, index, 19_999, 0)).isInstanceOf(ApiError.class)
                .extracting(t -> ((ApiError) t).code()).isEqualTo(ErrorCode.SERVICE_QUOTA_EXCEEDED);
        assertThatThrownBy(() -> capacity.check(app, index, 1, IndexCapacity.BYTES_PER_UNIT - 3_500 + 1))
                .isInstanceOf(ApiError.class);
        assertThatCode(() -> capacity.check(app, index, 1, IndexCapacity.BYTES_PER_UNIT - 3_500))
                .doesNotThrowAnyException();
    }

    @Test
    void unitsCannotShrinkBelowWhatTheIndexHolds() {
        String app = cp.anonymousApp("shrink");
        String index = cp.qb.createIndex(r -> r.applicationId(app).displayName("big")
                .capacityConfiguration(c -> c.units(2))).indexId();
        seedDocument(app, index, "INDEXED", IndexCapacity.BYTES_PER_UNIT);
        seedDocument(app, index, "INDEXED", 1);
        assertFails(ServiceQuotaExceededException.class, 402, () -> cp.qb.updateIndex(r -> r.applicationId(app)
                .indexId(index).capacityConfiguration(c -> c.units(1))));
        cp.qb.updateIndex(r -> r.applicationId(app).indexId(index).capacityConfiguration(c -> c.units(3)));
        assertThat(cp.qb.getIndex(r -> r.applicationId(app).indexId(index)).capacityConfiguration().units())
                .isEqualTo(3);
    }

    @Test
    void documentAttributeConfigurationsAreStoredAndMergedByName() {
        String app = cp.anonymousApp("attrs");
        String index = cp.index(app);
        cp.qb.updateIndex(r -> r.applicationId(app).indexId(index).displayName("renamed").documentAttributeConfigurations(
                a -> a.name("department").type(AttributeType.STRING).search(Status.ENABLED),
                a -> a.name("_created_at").type(AttributeType.DATE).search(Status.DISABLED)));
        cp.qb.updateIndex(r -> r.applicationId(app).indexId(index).documentAttributeConfigurations(
                a -> a.name("department").type(AttributeType.STRING_LIST).search(Status.DISABLED)));
        GetIndexResponse got = cp.qb.getIndex(r -> r.applicationId(app).indexId(index));
        assertThat(got.displayName()).isEqualTo("renamed");
        assertThat(got.documentAttributeConfigurations()).extracting(a -> a.name() + ":" + a.typeAsString() + ":"
                + a.searchAsString()).containsExactly("department:STRING_LIST:DISABLED", "_created_at:DATE:DISABLED");
        assertInvalid("documentAttributeConfigurations[0].type", () -> cp.qb.updateIndex(r -> r.applicationId(app)
                .indexId(index).documentAttributeConfigurations(a -> a.name("x").type("BLOB"))));
    }

    @Test
    void listingPagesAndIdempotencyAndNotFound() {
        String app = cp.anonymousApp("paging");
        String token = UUID.randomUUID().toString();
        String first = cp.qb.createIndex(r -> r.applicationId(app).displayName("one").clientToken(token)).indexId();
        assertThat(cp.qb.createIndex(r -> r.applicationId(app).displayName("one").clientToken(token)).indexId())
                .isEqualTo(first);
        assertFails(ConflictException.class, 409, () -> cp.qb.createIndex(r -> r.applicationId(app)
                .displayName("two").clientToken(token)));
        cp.index(app);
        cp.index(app);
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            String t = next;
            var page = cp.qb.listIndices(r -> r.applicationId(app).maxResults(1).nextToken(t));
            page.indices().forEach(i -> seen.add(i.indexId()));
            next = page.nextToken();
        } while (next != null);
        assertThat(seen).hasSize(3).doesNotHaveDuplicates().contains(first);

        String missing = UUID.randomUUID().toString();
        ResourceNotFoundException e = assertFails(ResourceNotFoundException.class, 404,
                () -> cp.qb.getIndex(r -> r.applicationId(app).indexId(missing)));
        assertThat(e.resourceType()).isEqualTo("INDEX");
        assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.listIndices(r -> r.applicationId(missing)));
        String otherApp = cp.anonymousApp("other");
        assertFails(ResourceNotFoundException.class, 404,
                () -> cp.qb.getIndex(r -> r.applicationId(otherApp).indexId(first)));
    }

    @Test
    void deletingAnIndexRemovesEverythingUnderIt() {
        String app = cp.anonymousApp("del-index");
        String index = cp.index(app);
        seedDocument(app, index, "INDEXED", 10);
        cp.qb.deleteIndex(r -> r.applicationId(app).indexId(index));
        assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.getIndex(r -> r.applicationId(app)
                .indexId(index)));
        assertThat(cp.store.count(ResourceGuard.DOCUMENT_KIND, Scopes.index(app, index))).isZero();
        assertThat(cp.store.get(ResourceGuard.APPLICATION_KIND, app)).isPresent();
    }

    private static void seedDocument(String app, String index, String status, long bytes) {
        String id = UUID.randomUUID().toString();
        cp.store.insert(ResourceGuard.DOCUMENT_KIND, index + "/" + id, Scopes.index(app, index),
                "{\"documentId\":\"" + id + "\",\"status\":\"" + status + "\",\"contentBytes\":" + bytes + "}");
    }
}

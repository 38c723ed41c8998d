package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ConflictException;
import software.amazon.awssdk.services.qbusiness.model.CreateDataSourceResponse;
import software.amazon.awssdk.services.qbusiness.model.DataSourceStatus;
import software.amazon.awssdk.services.qbusiness.model.DataSourceSyncJob;
import software.amazon.awssdk.services.qbusiness.model.DataSourceSyncJobStatus;
import software.amazon.awssdk.services.qbusiness.model.DocumentContent;
import software.amazon.awssdk.services.qbusiness.model.DocumentDetails;
import software.amazon.awssdk.services.qbusiness.model.ErrorCode;
import software.amazon.awssdk.services.qbusiness.model.GetDataSourceResponse;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/** Data sources and sync jobs through the real SDK; run on H2 and PostgreSQL by the subclasses. */
abstract class DataSourcesSdkContract {
    abstract QBusinessClient qb();

    /** The application and index the tests write into, made through the API by the subclass. */
    abstract DocumentsFixture fixture();

    String app() {
        return fixture().app();
    }

    String index() {
        return fixture().index();
    }

    static Document config(String type) {
        return Document.mapBuilder().putString("type", type).putString("syncMode", "FULL_CRAWL").build();
    }

    String create(String name, String type) {
        return qb().createDataSource(r -> r.applicationId(app()).indexId(index()).displayName(name).configuration(config(type)))
                .dataSourceId();
    }

    List<DataSourceSyncJob> history(String ds) {
        return qb().listDataSourceSyncJobs(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)).history();
    }

    @Test
    void crudRoundTrip() {
        CreateDataSourceResponse created = qb().createDataSource(r -> r.applicationId(app()).indexId(index())
                .displayName("Handbook").description("HR docs").configuration(config("CUSTOM"))
                .syncSchedule("cron(0 0 * * ? *)").roleArn("arn:aws:iam::123456789012:role/qb"));
        assertThat(created.dataSourceArn()).endsWith("/index/" + index() + "/data-source/" + created.dataSourceId());
        GetDataSourceResponse got = qb().getDataSource(r -> r.applicationId(app()).indexId(index())
                .dataSourceId(created.dataSourceId()));
        assertThat(got.displayName()).isEqualTo("Handbook");
        assertThat(got.type()).isEqualTo("CUSTOM");
        assertThat(got.status()).isEqualTo(DataSourceStatus.ACTIVE);
        assertThat(got.configuration().asMap().get("syncMode").asString()).isEqualTo("FULL_CRAWL");
        assertThat(got.syncSchedule()).isEqualTo("cron(0 0 * * ? *)");

        qb().updateDataSource(r -> r.applicationId(app()).indexId(index()).dataSourceId(created.dataSourceId())
                .displayName("Handbook 2"));
        GetDataSourceResponse updated = qb().getDataSource(r -> r.applicationId(app()).indexId(index())
                .dataSourceId(created.dataSourceId()));
        assertThat(updated.displayName()).isEqualTo("Handbook 2");
        assertThat(updated.description()).isEqualTo("HR docs");

        qb().deleteDataSource(r -> r.applicationId(app()).indexId(index()).dataSourceId(created.dataSourceId()));
        assertThatThrownBy(() -> qb().getDataSource(r -> r.applicationId(app()).indexId(index())
                .dataSourceId(created.dataSourceId()))).isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("DATA_SOURCE"));
    }

    @Test
    void listPagesAcrossPages() {
        for (int i = 0; i < 3; i++) {
            create("paged-" + i, "CUSTOM");
        }
        List<String> names = new ArrayList<>();
        qb().listDataSourcesPaginator(r -> r.applicationId(app()).indexId(index()).maxResults(1))
                .forEach(p -> p.dataSources().forEach(d -> names.add(d.displayName())));
        assertThat(names).contains("paged-0", "paged-1", "paged-2").doesNotHaveDuplicates();
        assertThatThrownBy(() -> qb().listDataSources(r -> r.applicationId(app()).indexId(index()).maxResults(11)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void configurationNeedsAType() {
        assertThatThrownBy(() -> qb().createDataSource(r -> r.applicationId(app()).indexId(index()).displayName("x")
                .configuration(Document.mapBuilder().putString("syncMode", "FULL_CRAWL").build())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).extracting(f -> f.name()).containsExactly("configuration"));
        assertThatThrownBy(() -> create("s3 without bucket", "S3")).isInstanceOf(ValidationException.class);
    }

    @Test
    void clientTokenMakesCreateIdempotent() {
        String a = qb().createDataSource(r -> r.applicationId(app()).indexId(index()).displayName("idem")
                .configuration(config("CUSTOM")).clientToken("token-1")).dataSourceId();
        String b = qb().createDataSource(r -> r.applicationId(app()).indexId(index()).displayName("idem")
                .configuration(config("CUSTOM")).clientToken("token-1")).dataSourceId();
        assertThat(b).isEqualTo(a);
        assertThatThrownBy(() -> qb().createDataSource(r -> r.applicationId(app()).indexId(index()).displayName("other")
                .configuration(config("CUSTOM")).clientToken("token-1"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void customSyncJobCountsTheDocumentsPutWithIt() {
        String ds = create("custom", "CUSTOM");
        String exec = qb().startDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)).executionId();
        assertThatThrownBy(() -> qb().startDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)))
                .isInstanceOf(ConflictException.class);
        assertThat(history(ds)).singleElement().satisfies(j -> assertThat(j.status()).isEqualTo(DataSourceSyncJobStatus.SYNCING));

        var put = qb().batchPutDocument(r -> r.applicationId(app()).indexId(index()).dataSourceSyncId(exec).documents(
                DocumentsSdkContract.doc("sync-1", "one"), DocumentsSdkContract.doc("sync-2", "two"),
                software.amazon.awssdk.services.qbusiness.model.Document.builder().id("sync-bad")
                        .content(DocumentContent.fromBlob(SdkBytes.fromUtf8String("x"))).contentType("NOPE").build()));
        assertThat(put.failedDocuments()).singleElement().satisfies(f -> assertThat(f.dataSourceId()).isEqualTo(ds));
        List<DocumentDetails> ofDs = qb().listDocuments(r -> r.applicationId(app()).indexId(index()).dataSourceIds(ds))
                .documentDetailList();
        assertThat(ofDs).extracting(DocumentDetails::documentId).containsExactlyInAnyOrder("sync-1", "sync-2");

        qb().stopDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds));
        DataSourceSyncJob job = history(ds).get(0);
        assertThat(job.executionId()).isEqualTo(exec);
        assertThat(job.status()).isEqualTo(DataSourceSyncJobStatus.SUCCEEDED);
        assertThat(job.endTime()).isNotNull();
        assertThat(job.metrics().documentsAdded()).isEqualTo("2");
        assertThat(job.metrics().documentsFailed()).isEqualTo("1");
        assertThat(job.metrics().documentsScanned()).isEqualTo("3");

        var late = qb().batchPutDocument(r -> r.applicationId(app()).indexId(index()).dataSourceSyncId(exec)
                .documents(DocumentsSdkContract.doc("sync-late", "late")));
        assertThat(late.failedDocuments()).singleElement()
                .satisfies(f -> assertThat(f.error().errorCode()).isEqualTo(ErrorCode.RESOURCE_INACTIVE));
        assertThatThrownBy(() -> qb().stopDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void syncOfATypeWithoutConnectorFailsClearly() {
        String ds = qb().createDataSource(r -> r.applicationId(app()).indexId(index()).displayName("web")
                .configuration(Document.fromMap(Map.of("type", Document.fromString("WEBCRAWLERV2"),
                        "connectionConfiguration", Document.fromMap(Map.of("repositoryEndpointMetadata",
                                Document.fromMap(Map.of()))))))).dataSourceId();
        qb().startDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds));
        DataSourceSyncJob job = history(ds).get(0);
        assertThat(job.status()).isEqualTo(DataSourceSyncJobStatus.FAILED);
        assertThat(job.error().errorMessage()).contains("no connector for type WEBCRAWLERV2 yet");
    }

    @Test
    void syncJobsFilterByStatusAndTimeAndPage() {
        String ds = create("filtered", "CUSTOM");
        for (int i = 0; i < 3; i++) {
            qb().startDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds));
            qb().stopDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds));
        }
        qb().startDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds));
        assertThat(qb().listDataSourceSyncJobs(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)
                .statusFilter(DataSourceSyncJobStatus.SUCCEEDED)).history()).hasSize(3);
        assertThat(qb().listDataSourceSyncJobs(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)
                .statusFilter(DataSourceSyncJobStatus.SYNCING)).history()).hasSize(1);
        assertThat(qb().listDataSourceSyncJobs(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)
                .startTime(Instant.now().plusSeconds(3600))).history()).isEmpty();
        List<String> ids = new ArrayList<>();
        qb().listDataSourceSyncJobsPaginator(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds).maxResults(1)
                .endTime(Instant.now().plusSeconds(3600))).forEach(p -> p.history().forEach(j -> ids.add(j.executionId())));
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void deletingADataSourceQueuesItsDocumentsForDeletion() {
        String ds = create("doomed", "CUSTOM");
        String exec = qb().startDataSourceSyncJob(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds)).executionId();
        qb().batchPutDocument(r -> r.applicationId(app()).indexId(index()).dataSourceSyncId(exec)
                .documents(DocumentsSdkContract.doc("doomed-1", "x")));
        qb().deleteDataSource(r -> r.applicationId(app()).indexId(index()).dataSourceId(ds));
        assertThat(qb().listDocuments(r -> r.applicationId(app()).indexId(index()).dataSourceIds(ds)).documentDetailList())
                .singleElement().satisfies(d -> assertThat(d.statusAsString()).isIn("DELETING", "DELETED"));
    }
}

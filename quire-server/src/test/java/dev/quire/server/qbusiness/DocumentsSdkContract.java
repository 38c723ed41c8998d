package dev.quire.server.qbusiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.AccessConfiguration;
import software.amazon.awssdk.services.qbusiness.model.AccessControl;
import software.amazon.awssdk.services.qbusiness.model.BatchPutDocumentResponse;
import software.amazon.awssdk.services.qbusiness.model.CheckDocumentAccessResponse;
import software.amazon.awssdk.services.qbusiness.model.ContentType;
import software.amazon.awssdk.services.qbusiness.model.DeleteDocument;
import software.amazon.awssdk.services.qbusiness.model.Document;
import software.amazon.awssdk.services.qbusiness.model.DocumentAttribute;
import software.amazon.awssdk.services.qbusiness.model.DocumentAttributeValue;
import software.amazon.awssdk.services.qbusiness.model.DocumentContent;
import software.amazon.awssdk.services.qbusiness.model.DocumentDetails;
import software.amazon.awssdk.services.qbusiness.model.DocumentStatus;
import software.amazon.awssdk.services.qbusiness.model.ErrorCode;
import software.amazon.awssdk.services.qbusiness.model.FailedDocument;
import software.amazon.awssdk.services.qbusiness.model.MemberRelation;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.Principal;
import software.amazon.awssdk.services.qbusiness.model.PrincipalUser;
import software.amazon.awssdk.services.qbusiness.model.ReadAccessType;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.S3;
import software.amazon.awssdk.services.qbusiness.model.ValidationException;

/** Documents through the real SDK; run on H2 and PostgreSQL by the subclasses. */
abstract class DocumentsSdkContract {
    abstract QBusinessClient qb();

    /** The application and index the tests write into, made through the API by the subclass. */
    abstract DocumentsFixture fixture();

    String app() {
        return fixture().app();
    }

    String index() {
        return fixture().index();
    }

    static Document doc(String id, String text) {
        return Document.builder().id(id).title("Title " + id).contentType(ContentType.PLAIN_TEXT)
                .content(DocumentContent.fromBlob(SdkBytes.fromUtf8String(text)))
                .attributes(DocumentAttribute.builder().name("_category")
                        .value(DocumentAttributeValue.fromStringValue("handbook")).build())
                .build();
    }

    BatchPutDocumentResponse put(Document... docs) {
        return qb().batchPutDocument(r -> r.applicationId(app()).indexId(index()).documents(docs));
    }

    Map<String, DocumentDetails> listAll() {
        List<DocumentDetails> all = new ArrayList<>();
        qb().listDocumentsPaginator(r -> r.applicationId(app()).indexId(index()).maxResults(3))
                .forEach(p -> all.addAll(p.documentDetailList()));
        return all.stream().collect(Collectors.toMap(DocumentDetails::documentId, Function.identity()));
    }

    static Principal user(String id, ReadAccessType access) {
        return Principal.fromUser(PrincipalUser.builder().id(id).access(access).membershipType(MembershipType.INDEX).build());
    }

    static AccessConfiguration acl(MemberRelation top, AccessControl... controls) {
        return AccessConfiguration.builder().accessControls(controls).memberRelation(top).build();
    }

    static AccessControl control(MemberRelation relation, Principal... principals) {
        return AccessControl.builder().principals(principals).memberRelation(relation).build();
    }

    boolean hasAccess(String user, String documentId) {
        CheckDocumentAccessResponse r = qb().checkDocumentAccess(b -> b.applicationId(app()).indexId(index())
                .userId(user).documentId(documentId));
        return r.hasAccess();
    }

    @Test
    void mixedBatchReportsEachBadDocumentAndStoresTheGoodOnes() {
        Document s3 = Document.builder().id("mix-s3").content(DocumentContent.fromS3(S3.builder().bucket("b").key("k").build()))
                .build();
        Document badType = doc("mix-type", "x").toBuilder().contentType("WORDPERFECT").build();
        Document longTitle = doc("mix-title", "x").toBuilder().title("t".repeat(1025)).build();
        BatchPutDocumentResponse r = put(doc("mix-ok", "fine"), s3, badType, longTitle);
        Map<String, FailedDocument> failed = r.failedDocuments().stream()
                .collect(Collectors.toMap(FailedDocument::id, Function.identity()));
        assertThat(failed).containsOnlyKeys("mix-s3", "mix-type", "mix-title");
        assertThat(failed.get("mix-s3").error().errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(failed.get("mix-s3").error().errorMessage()).contains("S3").contains("not supported");
        assertThat(failed.get("mix-type").error().errorMessage()).contains("contentType");
        assertThat(failed.get("mix-title").error().errorMessage()).contains("title");
        Map<String, DocumentDetails> listed = listAll();
        // Stored before the call returned; the indexing worker may already have moved it on.
        assertThat(listed.get("mix-ok").status())
                .isIn(DocumentStatus.RECEIVED, DocumentStatus.PROCESSING, DocumentStatus.INDEXED);
        assertThat(listed).doesNotContainKeys("mix-s3", "mix-type", "mix-title");
    }

    @Test
    void elevenDocumentsIsAValidationException() {
        Document[] eleven = IntStream.range(0, 11).mapToObj(i -> doc("eleven-" + i, "x")).toArray(Document[]::new);
        assertThatThrownBy(() -> put(eleven)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fields()).extracting(f -> f.name()).containsExactly("documents"));
        assertThat(listAll()).doesNotContainKey("eleven-0");
    }

    @Test
    void blobOverTenMegabytesFailsThatDocumentOnly() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Document tooBig = Document.builder().id("big").content(DocumentContent.fromBlob(SdkBytes.fromByteArray(big))).build();
        BatchPutDocumentResponse r = put(tooBig, doc("big-neighbour", "small"));
        assertThat(r.failedDocuments()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("big");
            assertThat(f.error().errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(f.error().errorMessage()).contains("10 MB");
        });
        assertThat(listAll()).containsKey("big-neighbour").doesNotContainKey("big");
    }

    @Test
    void unknownIndexFailsTheWholeCall() {
        assertThatThrownBy(() -> qb().batchPutDocument(r -> r.applicationId(app()).indexId("no-such-index")
                .documents(doc("x", "x")))).isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("INDEX"));
    }

    @Test
    void rePutReplacesTheDocument() {
        assertThat(put(doc("replace-me", "v1")).failedDocuments()).isEmpty();
        DocumentDetails first = listAll().get("replace-me");
        assertThat(put(doc("replace-me", "v2")).failedDocuments()).isEmpty();
        DocumentDetails second = listAll().get("replace-me");
        assertThat(second.status()).isIn(DocumentStatus.RECEIVED, DocumentStatus.PROCESSING, DocumentStatus.INDEXED);
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(listAll().keySet().stream().filter("replace-me"::equals)).hasSize(1);
    }

    @Test
    void deleteMarksDeletingThenDeleted() throws InterruptedException {
        put(doc("delete-me", "bye"));
        var r = qb().batchDeleteDocument(b -> b.applicationId(app()).indexId(index()).documents(
                DeleteDocument.builder().documentId("delete-me").build(),
                DeleteDocument.builder().documentId("never-existed").build()));
        assertThat(r.failedDocuments()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("never-existed");
            assertThat(f.error().errorCode()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
        });
        assertThat(listAll().get("delete-me").status()).isIn(DocumentStatus.DELETING, DocumentStatus.DELETED);
        DocumentStatus status = null;
        for (int i = 0; i < 300 && status != DocumentStatus.DELETED; i++) {
            status = listAll().get("delete-me").status();
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(DocumentStatus.DELETED);
        assertThatThrownBy(() -> hasAccess("alice", "delete-me")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listDocumentsPagesAndFiltersByDataSource() {
        for (int i = 0; i < 7; i++) {
            put(doc("page-" + i, "p"));
        }
        assertThat(listAll().keySet()).contains("page-0", "page-1", "page-2", "page-3", "page-4", "page-5", "page-6");
        var first = qb().listDocuments(r -> r.applicationId(app()).indexId(index()).maxResults(2));
        assertThat(first.documentDetailList()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(qb().listDocuments(r -> r.applicationId(app()).indexId(index()).dataSourceIds("no-such-ds"))
                .documentDetailList()).isEmpty();
        assertThatThrownBy(() -> qb().listDocuments(r -> r.applicationId(app()).indexId(index()).maxResults(101)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> qb().listDocuments(r -> r.applicationId(app()).indexId(index()).nextToken("garbage!")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void checkDocumentAccessAppliesTheAcl() {
        put(doc("acl-open", "x"),
                doc("acl-alice", "x").toBuilder().accessConfiguration(acl(MemberRelation.OR,
                        control(MemberRelation.OR, user("Alice@Example.com", ReadAccessType.ALLOW)))).build(),
                doc("acl-deny", "x").toBuilder().accessConfiguration(acl(MemberRelation.OR,
                        control(MemberRelation.OR, user("alice@example.com", ReadAccessType.ALLOW),
                                user("bob@example.com", ReadAccessType.ALLOW)),
                        control(MemberRelation.OR, user("bob@example.com", ReadAccessType.DENY)))).build(),
                doc("acl-and", "x").toBuilder().accessConfiguration(acl(MemberRelation.OR,
                        control(MemberRelation.AND, user("alice@example.com", ReadAccessType.ALLOW),
                                user("bob@example.com", ReadAccessType.ALLOW)))).build(),
                doc("acl-top-and", "x").toBuilder().accessConfiguration(acl(MemberRelation.AND,
                        control(MemberRelation.OR, user("alice@example.com", ReadAccessType.ALLOW)),
                        control(MemberRelation.OR, user("bob@example.com", ReadAccessType.ALLOW)))).build());
        assertThat(hasAccess("anyone@example.com", "acl-open")).isTrue();
        assertThat(hasAccess("alice@example.com", "acl-alice")).isTrue();
        assertThat(hasAccess("bob@example.com", "acl-alice")).isFalse();
        assertThat(hasAccess("alice@example.com", "acl-deny")).isTrue();
        assertThat(hasAccess("bob@example.com", "acl-deny")).isFalse();
        assertThat(hasAccess("alice@example.com", "acl-and")).isFalse();
        assertThat(hasAccess("alice@example.com", "acl-top-and")).isFalse();
        CheckDocumentAccessResponse r = qb().checkDocumentAccess(b -> b.applicationId(app()).indexId(index())
                .userId("bob@example.com").documentId("acl-deny"));
        assertThat(r.documentAcl().allowlist().conditions()).singleElement()
                .satisfies(c -> assertThat(c.users()).extracting(u -> u.id())
                        .containsExactly("alice@example.com", "bob@example.com"));
        assertThat(r.documentAcl().denyList().conditions()).singleElement()
                .satisfies(c -> assertThat(c.users()).extracting(u -> u.id()).containsExactly("bob@example.com"));
        assertThatThrownBy(() -> hasAccess("alice@example.com", "no-such-doc"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("DOCUMENT"));
    }

    @Test
    void emptyAccessControlsIsRejectedNotTreatedAsOpen() {
        Document d = doc("acl-empty", "x").toBuilder().accessConfiguration(AccessConfiguration.builder()
                .accessControls(List.of()).build()).build();
        assertThat(put(d).failedDocuments()).singleElement()
                .satisfies(f -> assertThat(f.error().errorMessage()).contains("accessControls"));
    }
}

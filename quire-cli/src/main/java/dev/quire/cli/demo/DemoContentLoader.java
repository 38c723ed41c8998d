package dev.quire.cli.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ContentType;
import software.amazon.awssdk.services.qbusiness.model.Document;
import software.amazon.awssdk.services.qbusiness.model.DocumentAttribute;
import software.amazon.awssdk.services.qbusiness.model.DocumentDetails;
import software.amazon.awssdk.services.qbusiness.model.DocumentStatus;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.Principal;
import software.amazon.awssdk.services.qbusiness.model.ReadAccessType;

/** BatchPutDocument of the sample pages (at most 10 per call, as Amazon Q allows), then waits for INDEXED. */
public final class DemoContentLoader {
    private static final int BATCH = 10;

    private final QBusinessClient qbusiness;
    private final PrintStream out;

    public DemoContentLoader(QBusinessClient qbusiness, PrintStream out) {
        this.qbusiness = qbusiness;
        this.out = out;
    }

    public void put(String appId, String indexId, List<SampleContent.Page> pages) {
        for (int from = 0; from < pages.size(); from += BATCH) {
            List<Document> batch = pages.subList(from, Math.min(pages.size(), from + BATCH)).stream()
                    .map(DemoContentLoader::document).toList();
            var failed = qbusiness.batchPutDocument(r -> r.applicationId(appId).indexId(indexId).documents(batch))
                    .failedDocuments();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("BatchPutDocument refused " + failed);
            }
        }
        out.println("  ✓ " + pages.size() + " sample pages sent (BatchPutDocument), waiting for indexing…");
    }

    /** Polls ListDocuments until {@code expected} documents are INDEXED; prints progress as the count moves. */
    public void awaitIndexed(String appId, String indexId, int expected, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastPrinted = -1;
        while (true) {
            List<DocumentDetails> docs = list(appId, indexId);
            long indexed = docs.stream().filter(d -> d.status() == DocumentStatus.INDEXED).count();
            List<DocumentDetails> failed = docs.stream().filter(d -> d.status() == DocumentStatus.FAILED).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("indexing failed for " + failed.get(0).documentId() + ": "
                        + failed.get(0).error());
            }
            if (indexed != lastPrinted) {
                double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
                out.printf("  indexing: %d/%d INDEXED (%.1f docs/s, %.1f s)%n", indexed, expected, indexed / seconds, seconds);
                lastPrinted = indexed;
            }
            if (indexed >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + indexed + " of " + expected + " documents were INDEXED within "
                        + timeout.toSeconds() + " s; the server keeps indexing, run './quire demo' again to wait more");
            }
            sleep(250);
        }
    }

    private List<DocumentDetails> list(String appId, String indexId) {
        List<DocumentDetails> all = new ArrayList<>();
        for (var page : qbusiness.listDocumentsPaginator(r -> r.applicationId(appId).indexId(indexId))) {
            all.addAll(page.documentDetailList());
        }
        return all;
    }

    static Document document(SampleContent.Page page) {
        Document.Builder b = Document.builder().id(page.documentId()).title(page.title()).contentType(ContentType.MD)
                .content(c -> c.blob(SdkBytes.fromString(page.markdown(), StandardCharsets.UTF_8)))
                .attributes(DocumentAttribute.builder().name("_source_uri")
                        .value(v -> v.stringValue(page.sourceUri())).build());
        SampleContent.Acl acl = page.acl();
        if (acl.kind().equals("group")) {
            b.accessConfiguration(a -> a.accessControls(ac -> ac.principals(Principal.fromGroup(g -> g.name(acl.name())
                    .access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX)))));
        } else if (acl.kind().equals("user")) {
            b.accessConfiguration(a -> a.accessControls(ac -> ac.principals(Principal.fromUser(u -> u.id(acl.name())
                    .access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX)))));
        }
        return b.build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for indexing", e);
        }
    }
}

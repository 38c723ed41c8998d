package dev.quire.cli.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.ContentType;
import software.amazon.awssdk.services.qbusiness.model.Document;
import software.amazon.awssdk.services.qbusiness.model.DocumentDetails;
import software.amazon.awssdk.services.qbusiness.model.DocumentStatus;
import software.amazon.awssdk.services.qbusiness.model.FailedDocument;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;
import software.amazon.awssdk.services.qbusiness.model.Principal;
import software.amazon.awssdk.services.qbusiness.model.ReadAccessType;

/** {@code quire admin ingest DIR}: BatchPutDocument of a folder's documents, then waits until they are INDEXED. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send a folder's documents to an index and wait until they are INDEXED.",
                "Walks DIR for .md .txt .html .pdf .docx .csv .json files; each one's id is its path under DIR.",
                "Every document gets the one ACL the options say: readable by a group, by one user, or by all.",
                "Exit code 1 when any document failed; the failures are listed with their reasons."},
        footer = {"", "Example:",
                "  ./quire admin ingest ./wiki/acme --profile quire --application-id <app> --index-id <index> \\",
                "      --group core-team"})
public final class IngestCommand implements Callable<Integer> {
    static final Map<String, ContentType> TYPES = Map.of("md", ContentType.MD, "txt", ContentType.PLAIN_TEXT,
            "html", ContentType.HTML, "pdf", ContentType.PDF, "docx", ContentType.MS_WORD, "csv", ContentType.CSV,
            "json", ContentType.JSON);
    private static final int BATCH = 10;

    @Mixin
    AdminConnection connection = new AdminConnection();

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to ingest (walked recursively).")
    Path dir;

    @Option(names = "--application-id", required = true, description = "The application id.")
    String applicationId;

    @Option(names = "--index-id", required = true, description = "The index id.")
    String indexId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Access access;

    static final class Access {
        @Option(names = "--group", description = "Readable by the members of this index group.")
        String group;

        @Option(names = "--user", description = "Readable by this user only (their email).")
        String user;

        @Option(names = "--public", description = "Readable by every user of the application.")
        boolean everyone;
    }

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for INDEXED (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    public IngestCommand() {
        this(System.out, System.err, System.console() != null);
    }

    /** {@code terminal} says whether {@code err} is a terminal (progress rewrites one line) or a log. */
    public IngestCommand(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a folder: " + dir);
        }
        List<Path> files = files();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No " + String.join(" ", TYPES.keySet()) + " files under " + dir);
        }
        Map<String, String> failures = new LinkedHashMap<>();
        try (QBusinessClient qb = connection.qbusiness()) {
            List<String> sent = send(qb, files, failures);
            awaitIndexed(qb, sent, failures);
        }
        out.println((files.size() - failures.size()) + " of " + files.size() + " documents INDEXED");
        if (!failures.isEmpty()) {
            out.println(failures.size() + " failed:");
            failures.forEach((id, reason) -> out.println("  " + id + ": " + reason));
            return 1;
        }
        return 0;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> TYPES.containsKey(extension(p))).sorted().toList();
        }
    }

    private List<String> send(QBusinessClient qb, List<Path> files, Map<String, String> failures) throws IOException {
        IngestProgress progress = new IngestProgress(err, terminal, "sending", files.size(), 2000);
        List<String> sent = new ArrayList<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Document> batch = new ArrayList<>();
            for (Path file : files.subList(from, Math.min(files.size(), from + BATCH))) {
                batch.add(document(file));
            }
            List<FailedDocument> failed;
            try {
                failed = qb.batchPutDocument(r -> r.applicationId(applicationId).indexId(indexId).documents(batch))
                        .failedDocuments();
            } catch (software.amazon.awssdk.services.qbusiness.model.QBusinessException e) {
                // a refused batch (too large, throttled...) fails its documents, not the whole run
                String reason = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
                batch.forEach(d -> failures.put(d.id(), reason));
                progress.update(sent.size(), failures.size());
                continue;
            }
            failed.forEach(f -> failures.put(f.id(), f.error() == null ? "refused" : f.error().errorMessage()));
            batch.stream().map(Document::id).filter(id -> !failures.containsKey(id)).forEach(sent::add);
            progress.update(sent.size(), failures.size());
        }
        return sent;
    }

    private void awaitIndexed(QBusinessClient qb, List<String> sent, Map<String, String> failures) {
        IngestProgress progress = new IngestProgress(err, terminal, "indexing", sent.size(), 2000);
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (true) {
            Map<String, DocumentDetails> status = new LinkedHashMap<>();
            for (var page : qb.listDocumentsPaginator(r -> r.applicationId(applicationId).indexId(indexId))) {
                page.documentDetailList().forEach(d -> status.put(d.documentId(), d));
            }
            int indexed = 0;
            int failed = 0;
            for (String id : sent) {
                DocumentDetails d = status.get(id);
                if (d != null && d.status() == DocumentStatus.INDEXED) {
                    indexed++;
                } else if (d != null && (d.status() == DocumentStatus.FAILED || d.status() == DocumentStatus.DOCUMENT_FAILED_TO_INDEX)) {
                    failed++;
                    failures.putIfAbsent(id, d.error() == null ? "indexing failed" : d.error().errorMessage());
                }
            }
            progress.update(indexed, failed);
            if (indexed + failed >= sent.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                for (String id : sent) {
                    DocumentDetails d = status.get(id);
                    if (d == null || d.status() != DocumentStatus.INDEXED) {
                        failures.putIfAbsent(id, "not INDEXED within " + timeoutSeconds + " s (status "
                                + (d == null ? "unknown" : d.statusAsString()) + ")");
                    }
                }
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for indexing", e);
            }
        }
    }

    private Document document(Path file) throws IOException {
        String id = dir.relativize(file).toString().replace('\\', '/');
        Document.Builder b = Document.builder().id(id).title(file.getFileName().toString())
                .contentType(TYPES.get(extension(file)))
                .content(c -> c.blob(SdkBytes.fromByteArray(readBytes(file))));
        if (access.group != null) {
            b.accessConfiguration(a -> a.accessControls(ac -> ac.principals(Principal.fromGroup(g -> g.name(access.group)
                    .access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX)))));
        } else if (access.user != null) {
            b.accessConfiguration(a -> a.accessControls(ac -> ac.principals(Principal.fromUser(u -> u.id(access.user)
                    .access(ReadAccessType.ALLOW).membershipType(MembershipType.INDEX)))));
        }
        return b.build();
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

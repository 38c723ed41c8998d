package dev.quire.server.bench;

import dev.quire.core.chat.ChatInput;
import dev.quire.core.chat.ChatService;
import dev.quire.core.chat.HashingEmbedder;
import dev.quire.core.chat.answer.ExtractiveAnswerer;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.documents.ResolvedUserPrincipals;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MemberUser;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.groups.PutGroupRequest;
import dev.quire.core.qbusiness.principals.CachingPrincipalResolver;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.core.retrieval.PermissionAwareRetriever;
import dev.quire.embed.onnx.OnnxEmbedder;
import dev.quire.extract.tika.TikaTextExtractor;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.index.lucene.SyntheticChunks;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.search.AclTerms;
import dev.quire.core.retrieval.AclCompiler;
import dev.quire.spi.index.AccessControl;
import dev.quire.spi.index.AccessControl.Access;
import dev.quire.spi.index.AccessControl.ControlList;
import dev.quire.spi.index.AccessControl.MemberRelation;
import dev.quire.spi.index.AccessControl.Principal;
import dev.quire.spi.index.AccessControl.PrincipalType;
import dev.quire.spi.search.DocumentChunks;
import dev.quire.spi.search.IndexedChunk;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * ChatSync cost in-process: {@link ChatService#chatSync} (license check, principal resolution from
 * the H2 store, the real ONNX model embedding the question, hybrid Lucene search with the ACL
 * inside the query, the extractive answerer, the conversation written to H2) over an on-disk index
 * of {@code documents} documents of {@code chunksPerDocument} chunks. The chunks are written straight
 * into the search index (then compacted, as the server does once writes pause) — six sentences of
 * Zipf-distributed words from a 20,000-word vocabulary ({@link SyntheticChunks#zipfSentences}, the
 * term statistics of prose; questions ask about moderately common words), random unit vectors made WITHOUT the model, each document readable by one of
 * {@value #GROUPS} groups (one in twenty also denying a user) — and users belong to
 * {@value #GROUPS_PER_USER} groups, so each reads ~10%. Measured twice on the same index: with the
 * question embedded by the ONNX model (production) with every question distinct, so the retriever's
 * question-embedding cache never hits; by the model with 50 questions asked over and over (the
 * cache always hits); then by a hashing embedder (no model), to show what the model costs.
 * Returns the first. No HTTP and no SigV4: those are measured by the sts and
 * sigv4 benchmarks.
 */
public final class ChatLoadBench {
    static final int GROUPS = 100;
    static final int GROUPS_PER_USER = 10;
    private static final int USERS = 20;
    /** Documents written per commit while filling the index. */
    private static final int FILL_BATCH = 1_000;
    private static final int DIM = 384;
    private static final String APP = "chat-bench-app";
    private static final String INDEX = "chat-bench-index";

    /** The measured figures. */
    public record Result(int requests, double requestsPerSecond, double p50Millis, double p99Millis, double citedShare) {
    }

    private ChatLoadBench() {
    }

    /** {@code main DOCUMENTS CHUNKS_PER_DOCUMENT SECONDS THREADS}. */
    public static void main(String[] args) throws Exception {
        run(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 100_000,
                args.length > 1 ? Integer.parseInt(args[1]) : 2,
                args.length > 2 ? Integer.parseInt(args[2]) : 20, args.length > 3 ? Integer.parseInt(args[3]) : 2);
        System.exit(0); // the model's and the store's worker threads would keep the JVM alive
    }

    public static Result run(PrintStream out, int documents, int chunksPerDocument, int seconds, int threads)
            throws Exception {
        return run(out, documents, chunksPerDocument, seconds, threads, null);
    }

    /**
     * @param indexDir where to keep the index between runs (null: a temporary one); an index this
     *                 benchmark built there for the same sizes is reused, which saves the fill
     */
    public static Result run(PrintStream out, int documents, int chunksPerDocument, int seconds, int threads,
                             Path indexDir) throws Exception {
        if (documents < 1 || chunksPerDocument < 1) {
            throw new IllegalArgumentException("need at least one document of at least one chunk");
        }
        Path work = Files.createTempDirectory("quire-chat-bench");
        Path indexPath = indexDir == null ? work.resolve("index") : indexDir;
        boolean reuse = ReusableBenchIndex.check(indexPath, corpusName(documents, chunksPerDocument));
        try (JdbcMetadataStore store = JdbcMetadataStore.openEmbedded(work.resolve("db"));
             LuceneSearchIndex index = LuceneSearchIndex.open(indexPath, null)) {
            Random random = new Random(42);
            Topics topics = new Topics();
            List<String> users = provision(store, random, topics);
            long start = System.nanoTime();
            // Reusing, the same random draws are replayed without writing, so the questions are the same.
            fill(out, reuse ? null : index, documents, chunksPerDocument, random, topics);
            if (!reuse) {
                index.compact(); // the steady state: the server compacts its index once writes pause
                if (indexDir != null) {
                    ReusableBenchIndex.markBuilt(indexPath, corpusName(documents, chunksPerDocument));
                }
            }
            out.printf("ChatSync in-process: %,d documents of %d chunks (%,d chunks) %s into %d segment(s) in %.0f s;"
                    + " chunk vectors are random, made WITHOUT the model;"
                    + " %d users each in %d of %d groups (~10%% readable)%n",
                    documents, chunksPerDocument, (long) documents * chunksPerDocument,
                    reuse ? "reused from " + indexPath + ", compacted" : "written straight into Lucene and compacted",
                    index.segmentCount(), (System.nanoTime() - start) / 1e9, USERS, GROUPS_PER_USER, GROUPS);
            Result result = null;
            Embedder model = OnnxEmbedder.load(work.resolve("djl"));
            // JIT warm-up before the first row: C2 was still compiling (a quarter of a core) 25 s into
            // a run, and the first row measured 15-25% low. So load the service, 1 s at a time with
            // the measured number of threads, until the JIT settles.
            WarmUp warmUp = warmUpUntilTheJitSettles(chatService(store, index, model), users, threads,
                    new Questions(false, topics), 3 * seconds);
            out.printf("JIT warm-up: %.0f s of requests, %s%n", warmUp.seconds(), warmUp.settled()
                    ? "until compilation took under " + JIT_SETTLED_MILLIS + " ms of a second"
                    : "stopped at its limit with the JIT still compiling");
            out.printf("| question embedded by | questions | client threads | requests | answered with citations | requests/s | p50 ms | p99 ms |%n");
            for (Row row : List.of(new Row("the ONNX model", model, false), new Row("the ONNX model", model, true),
                    new Row("hashing (no model)", new HashingEmbedder(DIM), false))) {
                // A fresh service per row: its question-embedding cache starts empty.
                ChatService chat = chatService(store, index, row.embedder());
                Questions questions = new Questions(row.repeated(), topics);
                for (int i = 0; i < 50; i++) {
                    ask(chat, users, new Random(i), questions); // the row's own warm-up: its cache, its embedder
                }
                Result r = measure(chat, users, seconds, threads, questions);
                result = result == null ? r : result;
                out.printf("| %-20s | %-27s | %14d | %8d | %22.1f%% | %10.1f | %6.1f | %6.1f |%n", row.name(),
                        row.repeated() ? "50 repeated (cache hits)" : "all distinct (cache misses)", threads,
                        r.requests(), 100 * r.citedShare(), r.requestsPerSecond(), r.p50Millis(), r.p99Millis());
            }
            return result;
        } finally {
            BenchFiles.deleteRecursively(work);
        }
    }

    /** What the index holds; a reused index must hold exactly this (the text shape is versioned with it). */
    private static String corpusName(int documents, int chunksPerDocument) {
        return "chat-bench v1: " + documents + " documents x " + chunksPerDocument
                + " chunks, seed 42, zipfSentences(6, 12), " + GROUPS + " groups, " + USERS + " users";
    }

    private static ChatService chatService(JdbcMetadataStore store, LuceneSearchIndex index, Embedder embedder) {
        CachingPrincipalResolver principals = new CachingPrincipalResolver(store); // as QuireServer wires it
        PermissionAwareRetriever retriever = new PermissionAwareRetriever(index, embedder,
                new ResolvedUserPrincipals(principals), (a, i) -> List.of());
        return new ChatService(store, new SubscriptionService(store, Clock.systemUTC(), "123456789012", principals),
                retriever, new ExtractiveAnswerer(), new TikaTextExtractor(), Clock.systemUTC());
    }

    private record Row(String name, Embedder embedder, boolean repeated) {
    }

    /**
     * What users ask about: a few sentences of each group's documents, and each user's groups, so that a
     * question names words of a document its asker may read (as real users ask about their own content).
     */
    private static final class Topics {
        private static final int SENTENCES_PER_GROUP = 20;
        final List<List<String>> sentencesOfGroup = new ArrayList<>();
        final Map<String, List<Integer>> groupsOfUser = new java.util.HashMap<>();

        Topics() {
            for (int g = 0; g < GROUPS; g++) {
                sentencesOfGroup.add(new ArrayList<>());
            }
        }

        void remember(int group, String text) {
            List<String> sentences = sentencesOfGroup.get(group);
            if (sentences.size() < SENTENCES_PER_GROUP) {
                sentences.add(text.substring(0, text.indexOf('.')));
            }
        }

        /** Three words of a sentence the user may read. */
        String wordsFor(String user, Random random) {
            List<String> sentences = groupsOfUser.get(user).stream().map(sentencesOfGroup::get)
                    .filter(list -> !list.isEmpty()).flatMap(List::stream).toList();
            if (sentences.isEmpty()) {
                return SyntheticChunks.queryText(random).trim(); // a tiny index: none of their groups has a document
            }
            String[] words = sentences.get(random.nextInt(sentences.size())).split(" ");
            StringBuilder picked = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                picked.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            return picked.toString();
        }
    }

    /**
     * The questions of one row: either every question distinct (a sequence number makes sure, so the
     * question-embedding cache never hits) or drawn from a fixed pool of 50 (so, after warm-up, it
     * always hits): the two ends between which real traffic lies.
     */
    private static final class Questions {
        private final boolean repeated;
        private final Topics topics;
        private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

        Questions(boolean repeated, Topics topics) {
            this.repeated = repeated;
            this.topics = topics;
        }

        String next(String user, Random random) {
            Random words = repeated ? new Random(user.hashCode() * 31L + random.nextInt(50)) : random;
            String question = "What is our " + topics.wordsFor(user, words) + " policy";
            return repeated ? question + "?" : question + ", case " + sequence.incrementAndGet() + "?";
        }
    }

    /** Compilation time per second of warm-up below which the JIT counts as settled. */
    static final int JIT_SETTLED_MILLIS = 25;

    private record WarmUp(double seconds, boolean settled) {
    }

    /** At least min(5, maxSeconds / 2) seconds, at most {@code maxSeconds}. */
    private static WarmUp warmUpUntilTheJitSettles(ChatService chat, List<String> users, int threads,
                                                   Questions questions, int maxSeconds) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long compiled = timed ? jit.getTotalCompilationTime() : 0;
        for (int second = 1; second <= maxSeconds; second++) {
            measure(chat, users, 1, threads, questions);
            long now = timed ? jit.getTotalCompilationTime() : 0;
            if (second >= Math.min(5, maxSeconds / 2) && (!timed || now - compiled < JIT_SETTLED_MILLIS)) {
                return new WarmUp((System.nanoTime() - start) / 1e9, true);
            }
            compiled = now;
        }
        return new WarmUp((System.nanoTime() - start) / 1e9, false);
    }

    private static Result measure(ChatService chat, List<String> users, int seconds, int threads, Questions questions)
            throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger cited = new java.util.concurrent.atomic.AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(1_000 + t);
            clients.add(new Thread(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    boolean withCitations = ask(chat, users, random, questions);
                    nanos.add(System.nanoTime() - s);
                    if (withCitations) {
                        cited.incrementAndGet();
                    }
                }
            }, "chat-client-" + t));
        }
        long start = System.nanoTime();
        clients.forEach(Thread::start);
        for (Thread c : clients) {
            c.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return new Result(n, n / elapsed, n == 0 ? 0 : sorted[n / 2] / 1e6,
                n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
                n == 0 ? 0 : cited.get() / (double) n);
    }

    /** @return whether the answer cites at least one source, i.e. retrieval found readable chunks */
    private static boolean ask(ChatService chat, List<String> users, Random random, Questions questions) {
        String user = users.get(random.nextInt(users.size()));
        String question = questions.next(user, random);
        Caller caller = new Caller("123456789012", "arn:aws:sts::123456789012:assumed-role/web/" + user,
                "AROABENCH:" + user, "arn:aws:iam::123456789012:role/web", Map.of("Email", user), null);
        return !chat.chatSync(caller, "us-east-1", APP, null, ChatInput.ask(question)).sourceAttributions().isEmpty();
    }

    /** Application (auto-subscribe), index, retriever, and the groups, through the store as the API writes them. */
    private static List<String> provision(JdbcMetadataStore store, Random random, Topics topics) {
        store.insert(Applications.KIND, APP, "", "{\"applicationId\":\"" + APP + "\",\"status\":\"ACTIVE\","
                + "\"identityType\":\"AWS_IAM_IDP_OIDC\",\"autoSubscribe\":\"ENABLED\"}");
        store.insert(ResourceGuard.INDEX_KIND, INDEX, Scopes.application(APP), "{\"indexId\":\"" + INDEX + "\"}");
        store.insert(ResourceGuard.RETRIEVER_KIND, "chat-bench-retriever", Scopes.application(APP),
                "{\"applicationId\":\"" + APP + "\",\"retrieverId\":\"chat-bench-retriever\",\"type\":\"NATIVE_INDEX\","
                        + "\"indexId\":\"" + INDEX + "\"}");
        List<String> users = new ArrayList<>();
        List<Set<String>> membersOf = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            membersOf.add(new HashSet<>());
        }
        for (int u = 0; u < USERS; u++) {
            String user = "user" + u + "@bench.example";
            users.add(user);
            Set<Integer> groups = new HashSet<>();
            while (groups.size() < GROUPS_PER_USER) {
                groups.add(random.nextInt(GROUPS));
            }
            groups.forEach(g -> membersOf.get(g).add(user));
            topics.groupsOfUser.put(user, List.copyOf(groups));
        }
        Groups groups = new Groups(store, Clock.systemUTC());
        for (int g = 0; g < GROUPS; g++) {
            groups.put(APP, INDEX, new PutGroupRequest("team-" + g, MembershipType.INDEX, null,
                    membersOf.get(g).stream().map(u -> new MemberUser(u, MembershipType.INDEX)).toList(), List.of()));
        }
        return users;
    }

    /** @param index null to replay the random draws only (the index already holds them) */
    private static void fill(PrintStream out, LuceneSearchIndex index, int documents, int chunksPerDocument,
                             Random random, Topics topics) {
        List<DocumentChunks> batch = new ArrayList<>();
        long start = System.nanoTime();
        for (int d = 0; d < documents; d++) {
            String documentId = "doc-" + d;
            int group = random.nextInt(GROUPS);
            AclTerms acl = AclCompiler.compile(accessControl(group, random), null);
            List<IndexedChunk> chunks = new ArrayList<>();
            for (int i = 0; i < chunksPerDocument; i++) {
                String text = SyntheticChunks.zipfSentences(random, 6, 12);
                topics.remember(group, text);
                chunks.add(new IndexedChunk(APP, INDEX, documentId, documentId + "#" + i, i,
                        "Handbook " + documentId, List.of("Section " + i), text,
                        "https://intranet.example/" + documentId, null, Map.of(),
                        SyntheticChunks.unitVector(random, DIM), acl, Instant.EPOCH));
            }
            if (index == null) {
                continue;
            }
            batch.add(new DocumentChunks(APP, INDEX, documentId, chunks));
            if (batch.size() == FILL_BATCH || d == documents - 1) {
                index.replaceDocuments(batch);
                batch.clear();
                if ((d + 1) % (20 * FILL_BATCH) == 0) {
                    out.printf("  %,d / %,d documents written (%.0f s)%n", d + 1, documents, (System.nanoTime() - start) / 1e9);
                }
            }
        }
    }

    /**
     * A document's access configuration as BatchPutDocument carries it — ALLOW one team's group, and
     * for one document in twenty DENY one user — compiled into index terms by the production
     * {@link AclCompiler}, so the terms are exactly those a user's principals are matched against.
     */
    private static AccessControl accessControl(int group, Random random) {
        List<Principal> principals = new ArrayList<>();
        principals.add(new Principal(PrincipalType.GROUP, "team-" + group, Access.ALLOW,
                AccessControl.MembershipType.INDEX));
        if (random.nextInt(20) == 0) {
            principals.add(new Principal(PrincipalType.USER, "user" + random.nextInt(USERS) + "@bench.example",
                    Access.DENY, AccessControl.MembershipType.INDEX));
        }
        return new AccessControl(List.of(new ControlList(principals, MemberRelation.OR)), MemberRelation.OR);
    }
}

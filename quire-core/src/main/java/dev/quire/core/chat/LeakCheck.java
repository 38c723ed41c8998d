package dev.quire.core.chat;

import dev.quire.core.chat.answer.ExtractiveAnswerer;
import dev.quire.core.qbusiness.documents.AclEvaluator;
import dev.quire.core.qbusiness.documents.PrincipalSet;
import dev.quire.core.qbusiness.documents.ResolvedUserPrincipals;
import dev.quire.core.qbusiness.principals.CachingPrincipalResolver;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.core.retrieval.PermissionAwareRetriever;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.store.MetadataStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The permission-leak property check: in a random world ({@link LeakWorld}), random users ask
 * ChatSync about random canaries — including canaries of documents they may not read, and
 * follow-ups in the same conversation — and no canary of a document the user may not read (per
 * {@link AclEvaluator} with the user's principals, computed independently) may appear in the
 * system message, a snippet, a segment excerpt, or an attribution's title or URL. Every
 * {@value #TRIALS_PER_REGROUP} trials a group's membership changes through PutGroup, and the chat
 * path resolves principals through the server's cache, so a cache that serves a stale group
 * list fails the check too.
 */
public final class LeakCheck {
    static final int USERS = 16;
    static final int GROUPS = 12;
    static final int DOCUMENTS = 120;
    static final int TURNS_PER_CONVERSATION = 4;
    /** Every this many trials one group's membership changes (through PutGroup) before the next question. */
    static final int TRIALS_PER_REGROUP = 20;

    private LeakCheck() {
    }

    /**
     * @param leaks          trials that showed a forbidden canary (must be 0)
     * @param forbiddenAsked trials that asked about a document the user may not read
     * @param answered       trials whose answer cited at least one source
     * @param askedAndCited  trials that asked about a readable document and got it cited
     * @param examples       up to 5 leak descriptions
     */
    public record Report(int trials, int leaks, int forbiddenAsked, int answered, int askedAndCited, int documents,
                         long millis, List<String> examples) {
    }

    /** Runs against the given (empty) store and search index, with a {@link HashingEmbedder}. */
    public static Report run(PrintStream out, int trials, long seed, MetadataStore store, SearchIndex index) {
        long start = System.nanoTime();
        Random r = new Random(seed);
        Embedder embedder = new HashingEmbedder(64);
        LeakWorld world = new LeakWorld(store, index, embedder, r, USERS, GROUPS, DOCUMENTS);
        // The cached resolver the server uses, so stale principals after a regroup would count as leaks.
        CachingPrincipalResolver resolver = new CachingPrincipalResolver(store);
        PermissionAwareRetriever retriever = new PermissionAwareRetriever(index, embedder,
                new ResolvedUserPrincipals(resolver), (a, i) -> List.of(LeakWorld.DATA_SOURCE));
        ChatService chat = new ChatService(store, new SubscriptionService(store, Clock.systemUTC(), "123456789012",
                resolver), retriever, new ExtractiveAnswerer(), new PlainTextExtractor(), Clock.systemUTC());
        out.printf("leak check: %d users, %d groups, %d documents, %d trials, seed %d%n", USERS, GROUPS,
                world.docs.size(), trials, seed);
        Map<String, String[]> open = new HashMap<>(); // user -> {conversationId, lastSystemMessageId, turns}
        int leaks = 0;
        int forbiddenAsked = 0;
        int answered = 0;
        int askedAndCited = 0;
        List<String> examples = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            if (t > 0 && t % TRIALS_PER_REGROUP == 0) {
                world.regroup(r);
            }
            String user = world.users.get(r.nextInt(world.users.size()));
            LeakWorld.Doc asked = world.docs.get(r.nextInt(world.docs.size()));
            PrincipalSet who = world.principalsOf(user);
            List<String> forbidden = new ArrayList<>();
            boolean askedReadable = true;
            for (LeakWorld.Doc d : world.docs) {
                if (!AclEvaluator.canRead(d.acl(), d.dataSourceId(), who)) {
                    forbidden.add(d.canary());
                    askedReadable &= d != asked;
                }
            }
            forbiddenAsked += askedReadable ? 0 : 1;
            ChatInput in = ChatInput.ask(question(r, asked.canary()));
            String[] conv = open.get(user);
            if (conv != null && Integer.parseInt(conv[2]) < TURNS_PER_CONVERSATION) {
                in = (r.nextBoolean() ? ChatInput.ask("and the other records?") : in).followUp(conv[0], conv[1]);
            }
            ChatOutput o = chat.chatSync(caller(user, r), "us-east-1", world.app, null, in);
            int turns = conv != null && conv[0].equals(o.conversationId()) ? Integer.parseInt(conv[2]) + 1 : 1;
            open.put(user, new String[] {o.conversationId(), o.systemMessageId(), String.valueOf(turns)});
            answered += o.sourceAttributions().isEmpty() ? 0 : 1;
            askedAndCited += askedReadable && cites(o, asked.canary()) ? 1 : 0;
            String seen = visibleText(o);
            for (String canary : forbidden) {
                if (seen.contains(canary)) {
                    leaks++;
                    if (examples.size() < 5) {
                        examples.add("trial " + t + ": " + user + " saw " + canary + " in " + o);
                    }
                    break;
                }
            }
            if ((t + 1) % 10_000 == 0) {
                out.printf("  %d trials, %d leaks%n", t + 1, leaks);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Report report = new Report(trials, leaks, forbiddenAsked, answered, askedAndCited, world.docs.size(), millis,
                examples);
        out.printf("%d trials in %d ms: %d leaks; %d asked about an unreadable document; %d answers cited sources;"
                + " %d asked about a readable document and got it cited%n", trials, millis, leaks, forbiddenAsked,
                answered, askedAndCited);
        examples.forEach(e -> out.println("  LEAK " + e));
        return report;
    }

    private static String question(Random r, String canary) {
        return switch (r.nextInt(3)) {
            case 0 -> "What is the codeword " + canary + "?";
            case 1 -> "Tell me about record " + canary;
            default -> "Which records mention " + canary + " or any other codeword?";
        };
    }

    /** A federated session of the user, the Email tag in a random case as IdPs send it. */
    private static Caller caller(String user, Random r) {
        String email = r.nextBoolean() ? user : user.toUpperCase(Locale.ROOT);
        return new Caller("123456789012", "arn:aws:sts::123456789012:assumed-role/web/" + user, "AROALEAK:" + user,
                "arn:aws:iam::123456789012:role/web", Map.of("Email", email), null);
    }

    private static boolean cites(ChatOutput o, String canary) {
        return o.sourceAttributions().stream().anyMatch(a -> a.title() != null && a.title().contains(canary));
    }

    static String visibleText(ChatOutput o) {
        StringBuilder sb = new StringBuilder(o.systemMessage());
        for (SourceAttribution a : o.sourceAttributions()) {
            sb.append('\n').append(a.title()).append('\n').append(a.snippet()).append('\n').append(a.url());
            a.textMessageSegments().forEach(s -> sb.append('\n').append(s.snippetExcerpt()));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}

package dev.quire.core.chat;

import dev.quire.core.ingest.Chunker;
import dev.quire.core.qbusiness.Applications;
import dev.quire.core.qbusiness.ResourceGuard;
import dev.quire.core.qbusiness.Scopes;
import dev.quire.core.qbusiness.documents.PrincipalSet;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.groups.MemberGroup;
import dev.quire.core.qbusiness.groups.MemberUser;
import dev.quire.core.qbusiness.groups.MembershipType;
import dev.quire.core.qbusiness.groups.PutGroupRequest;
import dev.quire.core.retrieval.SearchIndexer;
import dev.quire.spi.embed.Embedder;
import dev.quire.spi.index.AccessControl;
import dev.quire.spi.index.AccessControl.Access;
import dev.quire.spi.index.AccessControl.ControlList;
import dev.quire.spi.index.AccessControl.MemberRelation;
import dev.quire.spi.index.AccessControl.Principal;
import dev.quire.spi.index.AccessControl.PrincipalType;
import dev.quire.spi.index.IndexableDocument;
import dev.quire.spi.index.PermanentIndexingFailure;
import dev.quire.spi.search.SearchIndex;
import dev.quire.spi.store.MetadataStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The random world of the permission-leak check: users, nested (possibly cyclic) INDEX groups
 * stored through {@link Groups}, and documents with random ALLOW/DENY, AND/OR ACLs — each
 * document carrying a unique canary word in its text, title and URL — indexed for real.
 * {@link #principalsOf} is the oracle: group membership computed here, independently of the
 * resolver the retriever uses.
 */
final class LeakWorld {
    static final String DATA_SOURCE = "ds-leak";
    final String app = "leak-" + UUID.randomUUID();
    final String index = UUID.randomUUID().toString();
    final List<String> users = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<Doc> docs = new ArrayList<>();
    private final Map<String, Set<String>> directUsers = new HashMap<>();
    private final Map<String, Set<String>> subGroups = new HashMap<>();
    private final Groups groupStore;

    record Doc(String id, String canary, AccessControl acl, String dataSourceId) {
    }

    LeakWorld(MetadataStore store, SearchIndex searchIndex, Embedder embedder, Random r, int userCount,
              int groupCount, int docCount) {
        store.insert(Applications.KIND, app, "", "{\"applicationId\":\"" + app + "\",\"status\":\"ACTIVE\","
                + "\"identityType\":\"AWS_IAM_IDP_OIDC\",\"autoSubscribe\":\"ENABLED\"}");
        store.insert(ResourceGuard.INDEX_KIND, index, Scopes.application(app), "{\"indexId\":\"" + index + "\"}");
        String retriever = UUID.randomUUID().toString();
        store.insert(ResourceGuard.RETRIEVER_KIND, retriever, Scopes.application(app), "{\"applicationId\":\"" + app
                + "\",\"retrieverId\":\"" + retriever + "\",\"type\":\"NATIVE_INDEX\",\"indexId\":\"" + index + "\"}");
        for (int i = 0; i < userCount; i++) {
            users.add("user" + i + "@leak.example");
        }
        for (int g = 0; g < groupCount; g++) {
            groups.add("team-" + g);
        }
        groupStore = new Groups(store, Clock.systemUTC());
        for (String g : groups) {
            putRandomMembership(g, r);
        }
        SearchIndexer indexer = new SearchIndexer(new PlainTextExtractor(), new Chunker(), embedder, searchIndex,
                Clock.systemUTC());
        Set<String> canaries = new HashSet<>();
        while (docs.size() < docCount) {
            String canary = canary(r);
            if (!canaries.add(canary)) {
                continue;
            }
            Doc doc = new Doc("doc-" + docs.size(), canary, randomAcl(r), r.nextInt(3) == 0 ? DATA_SOURCE : null);
            String text = "Record " + canary + ". The codeword of this record is " + canary
                    + ". It was filed by the audit team and names the codeword " + canary + " twice.";
            try {
                indexer.index(new IndexableDocument(app, index, doc.id(), "Record " + canary, "PLAIN_TEXT",
                        text.getBytes(StandardCharsets.UTF_8), Map.of("_source_uri", "https://records.example/" + canary),
                        doc.acl(), doc.dataSourceId(), 1));
                docs.add(doc);
            } catch (PermanentIndexingFailure tooComplex) {
                canaries.remove(canary); // an ACL too large to compile is refused at indexing, as in production
            }
        }
    }

    /**
     * An administrator's PutGroup between two questions: one random group gets a new random
     * membership, so a principal cache that misses the change shows up as a leak.
     */
    void regroup(Random r) {
        putRandomMembership(groups.get(r.nextInt(groups.size())), r);
    }

    private void putRandomMembership(String g, Random r) {
        Set<String> members = new HashSet<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            members.add(users.get(r.nextInt(users.size())));
        }
        Set<String> subs = new HashSet<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            subs.add(groups.get(r.nextInt(groups.size())));
        }
        directUsers.put(g, members);
        subGroups.put(g, subs);
        groupStore.put(app, index, new PutGroupRequest(g, MembershipType.INDEX, null,
                members.stream().map(u -> new MemberUser(r.nextBoolean() ? u : u.toUpperCase(Locale.ROOT),
                        MembershipType.INDEX)).toList(),
                subs.stream().map(s -> new MemberGroup(s, MembershipType.INDEX)).toList()));
    }

    /** The user's principals per the world's own membership model (transitive, cycles allowed). */
    PrincipalSet principalsOf(String user) {
        Set<String> in = new HashSet<>();
        for (String g : groups) {
            if (directUsers.get(g).contains(user)) {
                in.add(g);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String g : groups) {
                if (!in.contains(g) && subGroups.get(g).stream().anyMatch(in::contains)) {
                    in.add(g);
                    grew = true;
                }
            }
        }
        return new PrincipalSet(user, List.of(), in.stream().map(g -> new PrincipalSet.Group(g, null)).toList());
    }

    private AccessControl randomAcl(Random r) {
        if (r.nextInt(10) == 0) {
            return AccessControl.UNRESTRICTED;
        }
        List<ControlList> controls = new ArrayList<>();
        for (int c = 1 + r.nextInt(3); c > 0; c--) {
            List<Principal> principals = new ArrayList<>();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                boolean group = r.nextInt(3) > 0;
                String name = group ? groups.get(r.nextInt(groups.size())) : users.get(r.nextInt(users.size()));
                if (!group && r.nextBoolean()) {
                    name = name.toUpperCase(Locale.ROOT);
                }
                principals.add(new Principal(group ? PrincipalType.GROUP : PrincipalType.USER, name,
                        r.nextInt(5) == 0 ? Access.DENY : Access.ALLOW,
                        r.nextInt(6) == 0 ? AccessControl.MembershipType.DATASOURCE : AccessControl.MembershipType.INDEX));
            }
            controls.add(new ControlList(principals, r.nextBoolean() ? MemberRelation.AND : MemberRelation.OR));
        }
        return new AccessControl(controls, r.nextBoolean() ? MemberRelation.AND : MemberRelation.OR);
    }

    private static String canary(Random r) {
        StringBuilder sb = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}

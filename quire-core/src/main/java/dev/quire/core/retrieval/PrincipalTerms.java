package dev.quire.core.retrieval;

import dev.quire.core.qbusiness.documents.PrincipalSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The vocabulary shared by a document's compiled ACL ({@link AclCompiler}) and a caller's
 * principals: one term per way a principal can match. The caller's terms are computed once per
 * question; the index then only compares terms, inside its query.
 *
 * <p>Terms are unambiguous whatever characters ids contain: data source ids carry their length.
 * <ul>
 *   <li>{@code u:<id>} — an INDEX user (ids lower-cased: user ids compare case-insensitively)</li>
 *   <li>{@code ud:<len>:<dataSourceId>:<id>} — a DATASOURCE user of that data source</li>
 *   <li>{@code g:<name>} — an INDEX group (names exact)</li>
 *   <li>{@code gd:<len>:<dataSourceId>:<name>} — a DATASOURCE group of that data source</li>
 * </ul>
 */
public final class PrincipalTerms {
    private PrincipalTerms() {
    }

    static String indexUser(String id) {
        return "u:" + id.toLowerCase(Locale.ROOT);
    }

    static String dataSourceUser(String dataSourceId, String id) {
        return "ud:" + dataSourceId.length() + ":" + dataSourceId + ":" + id.toLowerCase(Locale.ROOT);
    }

    static String indexGroup(String name) {
        return "g:" + name;
    }

    static String dataSourceGroup(String dataSourceId, String name) {
        return "gd:" + dataSourceId.length() + ":" + dataSourceId + ":" + name;
    }

    /**
     * Every term that names {@code who}, following {@link dev.quire.core.qbusiness.documents.AclEvaluator}
     * exactly: INDEX principals by the user id and index-level aliases and groups; DATASOURCE principals,
     * per data source of the index, by the user's aliases there — or their own id when they have none there —
     * and that data source's groups.
     *
     * @param dataSourceIds every data source of the index (so "own id where no alias" can be expressed)
     */
    public static Set<String> of(PrincipalSet who, Collection<String> dataSourceIds) {
        Set<String> terms = new HashSet<>();
        terms.add(indexUser(who.userId()));
        for (PrincipalSet.Alias alias : who.aliases()) {
            if (alias.dataSourceId() == null) {
                terms.add(indexUser(alias.userId()));
            }
        }
        Set<String> sources = new HashSet<>(dataSourceIds);
        who.aliases().stream().map(PrincipalSet.Alias::dataSourceId).filter(d -> d != null).forEach(sources::add);
        who.groups().stream().map(PrincipalSet.Group::dataSourceId).filter(d -> d != null).forEach(sources::add);
        for (String ds : sources) {
            List<PrincipalSet.Alias> there = who.aliases().stream().filter(a -> ds.equals(a.dataSourceId())).toList();
            if (there.isEmpty()) {
                terms.add(dataSourceUser(ds, who.userId()));
            } else {
                there.forEach(a -> terms.add(dataSourceUser(ds, a.userId())));
            }
        }
        for (PrincipalSet.Group group : who.groups()) {
            terms.add(group.dataSourceId() == null ? indexGroup(group.name()) : dataSourceGroup(group.dataSourceId(), group.name()));
        }
        return Set.copyOf(terms);
    }
}

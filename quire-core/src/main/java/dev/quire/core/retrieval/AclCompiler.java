package dev.quire.core.retrieval;

import dev.quire.spi.index.AccessControl;
import dev.quire.spi.index.AccessControl.Access;
import dev.quire.spi.index.AccessControl.ControlList;
import dev.quire.spi.index.AccessControl.MemberRelation;
import dev.quire.spi.index.AccessControl.MembershipType;
import dev.quire.spi.index.AccessControl.Principal;
import dev.quire.spi.index.AccessControl.PrincipalType;
import dev.quire.spi.search.AclTerms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles a document's access configuration into {@link AclTerms} (deny terms + allow clauses in
 * disjunctive normal form) with exactly the semantics of
 * {@link dev.quire.core.qbusiness.documents.AclEvaluator}, so the index can enforce it inside its
 * query. A property test holds the two to agreement on random ACLs and users.
 */
public final class AclCompiler {
    /** A top-level AND over OR-lists multiplies out; past this many clauses indexing fails closed. */
    static final int MAX_CLAUSES = 1024;

    private AclCompiler() {
    }

    /**
     * @param documentDataSourceId the document's data source, or null (DATASOURCE principals then never match)
     * @throws IllegalArgumentException when the rule is too large to compile (the document is refused)
     */
    public static AclTerms compile(AccessControl acl, String documentDataSourceId) {
        if (acl == null || acl.unrestricted()) {
            return AclTerms.everyone();
        }
        Set<String> deny = new HashSet<>();
        List<List<Set<String>>> perControl = new ArrayList<>();
        for (ControlList control : acl.controls()) {
            List<Principal> allows = new ArrayList<>();
            for (Principal p : control.principals()) {
                if (p.access() == Access.DENY) {
                    String term = term(p, documentDataSourceId);
                    if (term != null) {
                        deny.add(term);
                    }
                } else {
                    allows.add(p);
                }
            }
            if (!allows.isEmpty()) {
                perControl.add(clauses(allows, control.memberRelation(), documentDataSourceId));
            }
        }
        if (perControl.isEmpty()) {
            return new AclTerms(deny, List.of()); // deny-only rules admit nobody (fail closed)
        }
        List<Set<String>> allow = acl.memberRelation() == MemberRelation.AND ? product(perControl) : union(perControl);
        return new AclTerms(deny, allow);
    }

    /** One control's satisfying clauses: OR → one clause per matchable principal; AND → one clause of all. */
    private static List<Set<String>> clauses(List<Principal> allows, MemberRelation relation, String ds) {
        List<Set<String>> out = new ArrayList<>();
        if (relation == MemberRelation.AND) {
            Set<String> all = new LinkedHashSet<>();
            for (Principal p : allows) {
                String term = term(p, ds);
                if (term == null) {
                    return List.of(); // a principal that can never match makes the AND unsatisfiable
                }
                all.add(term);
            }
            out.add(all);
        } else {
            for (Principal p : allows) {
                String term = term(p, ds);
                if (term != null) {
                    out.add(Set.of(term));
                }
            }
        }
        return out;
    }

    private static List<Set<String>> union(List<List<Set<String>>> perControl) {
        List<Set<String>> out = new ArrayList<>();
        perControl.forEach(out::addAll);
        return out;
    }

    /** AND across controls: every combination of one clause from each control. */
    private static List<Set<String>> product(List<List<Set<String>>> perControl) {
        List<Set<String>> acc = List.of(Set.of());
        for (List<Set<String>> options : perControl) {
            List<Set<String>> next = new ArrayList<>();
            for (Set<String> partial : acc) {
                for (Set<String> option : options) {
                    Set<String> merged = new LinkedHashSet<>(partial);
                    merged.addAll(option);
                    next.add(merged);
                    if (next.size() > MAX_CLAUSES) {
                        throw new IllegalArgumentException("The document's access configuration is too complex: more than "
                                + MAX_CLAUSES + " ways to satisfy it. Simplify its AND/OR structure.");
                    }
                }
            }
            acc = next;
        }
        return acc;
    }

    /** The term a principal matches, or null when it can never match for this document. */
    static String term(Principal p, String documentDataSourceId) {
        boolean scoped = p.membershipType() == MembershipType.DATASOURCE;
        if (scoped && documentDataSourceId == null) {
            return null;
        }
        if (p.type() == PrincipalType.GROUP) {
            return scoped ? PrincipalTerms.dataSourceGroup(documentDataSourceId, p.name()) : PrincipalTerms.indexGroup(p.name());
        }
        return scoped ? PrincipalTerms.dataSourceUser(documentDataSourceId, p.name()) : PrincipalTerms.indexUser(p.name());
    }
}

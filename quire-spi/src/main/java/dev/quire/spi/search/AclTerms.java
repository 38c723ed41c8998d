package dev.quire.spi.search;

import java.util.List;
import java.util.Set;

/**
 * A document's access rule compiled for an index, as principal terms in disjunctive normal form:
 * a user may read the document when NONE of their principals is in {@code deny} AND at least one
 * clause of {@code allowClauses} is entirely contained in their principals. An empty clause means
 * "everyone in the application" (a document without an access configuration).
 *
 * <p>Principal terms: {@code user:<lower-cased email or alias>}, {@code group:<name>} for
 * INDEX-scoped groups, {@code group:<dataSourceId>:<name>} for DATASOURCE-scoped ones.
 */
public record AclTerms(Set<String> deny, List<Set<String>> allowClauses) {
    public AclTerms {
        deny = Set.copyOf(deny);
        allowClauses = allowClauses.stream().map(Set::copyOf).toList();
    }

    /** Readable by every user of the application. */
    public static AclTerms everyone() {
        return new AclTerms(Set.of(), List.of(Set.of()));
    }

    /** The reference semantics every index backend must reproduce inside its query. */
    public boolean permits(Set<String> principals) {
        for (String d : deny) {
            if (principals.contains(d)) {
                return false;
            }
        }
        for (Set<String> clause : allowClauses) {
            if (principals.containsAll(clause)) {
                return true;
            }
        }
        return false;
    }
}

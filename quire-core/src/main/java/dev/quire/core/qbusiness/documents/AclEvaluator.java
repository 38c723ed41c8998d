package dev.quire.core.qbusiness.documents;

import dev.quire.spi.index.AccessControl;
import dev.quire.spi.index.AccessControl.Access;
import dev.quire.spi.index.AccessControl.ControlList;
import dev.quire.spi.index.AccessControl.MemberRelation;
import dev.quire.spi.index.AccessControl.MembershipType;
import dev.quire.spi.index.AccessControl.Principal;
import dev.quire.spi.index.AccessControl.PrincipalType;
import java.util.List;
import java.util.Locale;

/**
 * Whether a user may read a document: the reference implementation of docs/access-control.md.
 * Pure and deterministic; the search index's own filter is tested against it.
 *
 * <ol>
 *   <li>No accessConfiguration: every user of the application may read.</li>
 *   <li>DENY overrides ALLOW: a user matched by any DENY principal, in any access control, may not read.</li>
 *   <li>An access control is satisfied when, over its ALLOW principals, OR: at least one matches;
 *       AND: every one matches. An access control with no ALLOW principal takes part only through its DENYs.</li>
 *   <li>The access controls that have ALLOW principals combine by the top-level memberRelation
 *       (OR: any satisfied; AND: all satisfied). When none has an ALLOW principal, nobody may read
 *       (fail closed).</li>
 *   <li>Absent memberRelation means OR.</li>
 * </ol>
 * Matching: user ids compare case-insensitively, group names exactly. INDEX principals match the
 * user's id, index-level aliases and index-level groups. DATASOURCE principals match only for a
 * document of a data source: the user's alias in that data source (or the user's own id when the
 * user has no alias there) and the groups of that data source.
 */
public final class AclEvaluator {
    private AclEvaluator() {
    }

    public static boolean canRead(AccessControl acl, String documentDataSourceId, PrincipalSet who) {
        if (acl == null || acl.unrestricted()) {
            return true;
        }
        for (ControlList control : acl.controls()) {
            for (Principal p : control.principals()) {
                if (p.access() == Access.DENY && matches(p, documentDataSourceId, who)) {
                    return false;
                }
            }
        }
        int considered = 0;
        int satisfied = 0;
        for (ControlList control : acl.controls()) {
            List<Principal> allows = control.principals().stream().filter(p -> p.access() == Access.ALLOW).toList();
            if (allows.isEmpty()) {
                continue;
            }
            considered++;
            boolean ok = control.memberRelation() == MemberRelation.AND
                    ? allows.stream().allMatch(p -> matches(p, documentDataSourceId, who))
                    : allows.stream().anyMatch(p -> matches(p, documentDataSourceId, who));
            if (ok) {
                satisfied++;
            }
        }
        if (considered == 0) {
            return false;
        }
        return acl.memberRelation() == MemberRelation.AND ? satisfied == considered : satisfied > 0;
    }

    /** Whether one principal names this user (or a group of theirs) for a document of {@code documentDataSourceId}. */
    public static boolean matches(Principal p, String documentDataSourceId, PrincipalSet who) {
        boolean dataSourceScoped = p.membershipType() == MembershipType.DATASOURCE;
        if (dataSourceScoped && documentDataSourceId == null) {
            return false;
        }
        if (p.type() == PrincipalType.GROUP) {
            return who.groups().stream().anyMatch(g -> g.name().equals(p.name())
                    && (dataSourceScoped ? documentDataSourceId.equals(g.dataSourceId()) : g.dataSourceId() == null));
        }
        String wanted = p.name().toLowerCase(Locale.ROOT);
        if (!dataSourceScoped) {
            return who.userId().toLowerCase(Locale.ROOT).equals(wanted) || who.aliases().stream()
                    .anyMatch(a -> a.dataSourceId() == null && a.userId().toLowerCase(Locale.ROOT).equals(wanted));
        }
        List<PrincipalSet.Alias> there = who.aliases().stream()
                .filter(a -> documentDataSourceId.equals(a.dataSourceId())).toList();
        if (there.isEmpty()) {
            return who.userId().toLowerCase(Locale.ROOT).equals(wanted);
        }
        return there.stream().anyMatch(a -> a.userId().toLowerCase(Locale.ROOT).equals(wanted));
    }
}

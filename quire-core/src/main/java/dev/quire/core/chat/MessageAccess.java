package dev.quire.core.chat;

import dev.quire.core.qbusiness.documents.AclEvaluator;
import dev.quire.core.qbusiness.documents.Documents;
import dev.quire.core.qbusiness.documents.PrincipalSet;
import dev.quire.core.qbusiness.documents.ResolvedUserPrincipals;
import dev.quire.core.qbusiness.documents.StoredDocument;
import dev.quire.core.qbusiness.principals.PrincipalLookup;
import dev.quire.core.qbusiness.principals.ResolvedPrincipals;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.index.AccessControl;
import dev.quire.spi.store.MetadataStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Beyond Amazon Q: why the caller could read each document a system message of theirs cites —
 * which ALLOW entry matched (and for a group, the membership path that put them in it) and that
 * no DENY entry matched. Evaluated now, against the document's current ACL and the caller's
 * current groups.
 */
public final class MessageAccess {
    public static final String EVERYONE = "readable by every user of the application (the document has no ACL)";

    private final MetadataStore store;
    private final Conversations conversations;
    private final Documents documents;
    private final PrincipalLookup resolver;

    public MessageAccess(MetadataStore store, Documents documents, PrincipalLookup resolver) {
        this.store = store;
        this.conversations = new Conversations(store);
        this.documents = documents;
        this.resolver = resolver;
    }

    /** One ALLOW entry that names the caller; {@code path} explains a group membership, else null. */
    public record Match(String type, String name, String membershipType, String path) {
    }

    /**
     * @param readable whether the caller may read the document now
     * @param reason   a sentence saying why
     */
    public record DocumentAccess(int citationNumber, String documentId, String indexId, String title,
                                 boolean readable, String reason, List<Match> matchedAllows, boolean denyMatched) {
    }

    public List<DocumentAccess> explain(Caller caller, String applicationId, String conversationId, String messageId) {
        ChatSubject s = ChatSubject.of(store, caller, applicationId, null);
        conversations.owned(applicationId, s.user().id(), conversationId);
        ChatMessage message = conversations.message(applicationId, conversationId, messageId)
                .orElseThrow(() -> ApiError.notFound("MESSAGE", messageId, "The message " + messageId
                        + " doesn't exist in conversation " + conversationId + "."));
        List<DocumentAccess> out = new ArrayList<>();
        for (SourceAttribution a : message.sourceAttributions()) {
            if (a.documentId() != null && a.indexId() != null) {
                out.add(explain(applicationId, s.user().id(), a));
            }
        }
        return out;
    }

    private DocumentAccess explain(String applicationId, String userId, SourceAttribution a) {
        Optional<StoredDocument> found = documents.find(applicationId, a.indexId(), a.documentId());
        if (found.isEmpty()) {
            return new DocumentAccess(a.citationNumber(), a.documentId(), a.indexId(), a.title(), false,
                    "the document has been deleted since the answer was given", List.of(), false);
        }
        StoredDocument doc = found.get();
        AccessControl acl = doc.acl();
        if (acl == null || acl.unrestricted()) {
            return new DocumentAccess(a.citationNumber(), a.documentId(), a.indexId(), a.title(), true, EVERYONE,
                    List.of(), false);
        }
        ResolvedPrincipals resolved = resolver.resolve(applicationId, a.indexId(), userId);
        PrincipalSet who = ResolvedUserPrincipals.from(resolved);
        String ds = doc.dataSourceId();
        List<Match> allows = new ArrayList<>();
        boolean denied = false;
        for (AccessControl.ControlList control : acl.controls()) {
            for (AccessControl.Principal p : control.principals()) {
                if (!AclEvaluator.matches(p, ds, who)) {
                    continue;
                }
                if (p.access() == AccessControl.Access.DENY) {
                    denied = true;
                } else {
                    allows.add(new Match(p.type().name(), p.name(), p.membershipType().name(), path(resolved, p, ds)));
                }
            }
        }
        boolean readable = AclEvaluator.canRead(acl, ds, who);
        String reason;
        if (!readable) {
            reason = denied ? "a DENY entry of the document's ACL names the caller now: no longer readable"
                    : "no longer readable: the ACL's ALLOW entries no longer name the caller";
        } else {
            reason = "readable: " + allows.size() + " ALLOW entr" + (allows.size() == 1 ? "y" : "ies")
                    + " of the document's ACL name the caller (" + describe(allows) + ") and no DENY entry matches";
        }
        return new DocumentAccess(a.citationNumber(), a.documentId(), a.indexId(), a.title(), readable, reason,
                allows, denied);
    }

    private static String path(ResolvedPrincipals resolved, AccessControl.Principal p, String ds) {
        if (p.type() != AccessControl.PrincipalType.GROUP) {
            return null;
        }
        String scope = p.membershipType() == AccessControl.MembershipType.DATASOURCE ? ds : null;
        return resolved.why(p.name(), scope).map(r -> r.explain()).orElse(null);
    }

    private static String describe(List<Match> allows) {
        List<String> parts = new ArrayList<>();
        for (Match m : allows) {
            parts.add(m.type().toLowerCase() + " " + m.name() + (m.path() == null ? "" : " via " + m.path()));
        }
        return String.join("; ", parts);
    }
}

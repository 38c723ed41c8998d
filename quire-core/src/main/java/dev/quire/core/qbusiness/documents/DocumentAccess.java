package dev.quire.core.qbusiness.documents;

import dev.quire.spi.error.ApiError;

/** CheckDocumentAccess: may this user read this document, and what did the answer rest on. */
public final class DocumentAccess {
    private final Documents documents;
    private volatile UserPrincipals principals = UserPrincipals.USER_ONLY;

    public DocumentAccess(Documents documents) {
        this.documents = documents;
    }

    /** Wires the users/groups resolver. */
    public void usePrincipals(UserPrincipals principals) {
        this.principals = principals;
    }

    /**
     * @param dataSourceId when given, the document must come from this data source
     */
    public Result check(String applicationId, String indexId, String userId, String documentId, String dataSourceId) {
        StoredDocument doc = documents.find(applicationId, indexId, documentId)
                .filter(d -> d.status() != DocumentStatus.DELETED)
                .filter(d -> dataSourceId == null || dataSourceId.equals(d.dataSourceId()))
                .orElseThrow(() -> ApiError.notFound("DOCUMENT", documentId, "The document " + documentId
                        + " doesn't exist in index " + indexId
                        + (dataSourceId == null ? "." : " for data source " + dataSourceId + ".")));
        PrincipalSet who = principals.resolve(applicationId, indexId, userId);
        return new Result(AclEvaluator.canRead(doc.acl(), doc.dataSourceId(), who), who, doc);
    }

    public record Result(boolean hasAccess, PrincipalSet principals, StoredDocument document) {
    }
}

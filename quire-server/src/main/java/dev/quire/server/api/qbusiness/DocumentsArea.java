package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.documents.DocumentAccess;
import dev.quire.core.qbusiness.documents.DocumentDetails;
import dev.quire.core.qbusiness.documents.DocumentInput;
import dev.quire.core.qbusiness.documents.Documents;
import dev.quire.core.qbusiness.documents.FailedDocument;
import dev.quire.core.qbusiness.documents.PrincipalSet;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.index.AccessControl;
import dev.quire.spi.store.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Documents: BatchPutDocument, BatchDeleteDocument, ListDocuments, CheckDocumentAccess. */
public final class DocumentsArea implements QBusinessArea {
    private final Documents documents;
    private final DocumentAccess access;

    public DocumentsArea(Documents documents, DocumentAccess access) {
        this.documents = documents;
        this.access = access;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("BatchPutDocument", this::batchPut, "BatchDeleteDocument", this::batchDelete,
                "ListDocuments", this::list, "CheckDocumentAccess", this::checkAccess);
    }

    private WireResponse batchPut(QBusinessCall call) {
        JsonInput body = call.body();
        List<JsonNode> docs = documentsMember(body);
        body.string("roleArn", 0, 1284);
        String syncId = body.string("dataSourceSyncId", 36, 36);
        List<DocumentInput> parsed = new ArrayList<>();
        List<FailedDocument> rejected = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            JsonInput doc = new JsonInput(docs.get(i));
            String id = documentId(doc, "id", i);
            try {
                parsed.add(DocumentWire.read(id, doc));
            } catch (ApiError e) {
                rejected.add(FailedDocument.invalid(id, e.getMessage()));
            }
        }
        List<FailedDocument> failed = documents.batchPut(call.label("applicationId"), call.label("indexId"), parsed,
                rejected, syncId);
        return JsonResponses.ok(failures(failed));
    }

    private WireResponse batchDelete(QBusinessCall call) {
        JsonInput body = call.body();
        List<JsonNode> docs = documentsMember(body);
        String syncId = body.string("dataSourceSyncId", 36, 36);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            ids.add(documentId(new JsonInput(docs.get(i)), "documentId", i));
        }
        return JsonResponses.ok(failures(documents.batchDelete(call.label("applicationId"), call.label("indexId"),
                ids, syncId)));
    }

    private static List<JsonNode> documentsMember(JsonInput body) {
        if (!body.has("documents")) {
            throw ApiError.invalidField("documents", "documents is required.");
        }
        List<JsonNode> docs = body.list("documents", Documents.MAX_DOCUMENTS_PER_CALL);
        if (docs.isEmpty()) {
            throw ApiError.invalidField("documents", "documents must list 1 to 10 documents.");
        }
        return docs;
    }

    /** A document without a usable id cannot be reported back on its own, so it fails the call. */
    private static String documentId(JsonInput doc, String member, int i) {
        try {
            return doc.requiredString(member, 1, 1825);
        } catch (ApiError e) {
            throw ApiError.invalidField("documents[" + i + "]." + member, "documents[" + i + "]." + member
                    + " is required and must have 1 to 1825 characters.");
        }
    }

    private static ObjectNode failures(List<FailedDocument> failed) {
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("failedDocuments");
        for (FailedDocument f : failed) {
            ObjectNode o = list.addObject().put("id", f.id());
            o.putObject("error").put("errorCode", f.errorCode().wire()).put("errorMessage", f.errorMessage());
            if (f.dataSourceId() != null) {
                o.put("dataSourceId", f.dataSourceId());
            }
        }
        return body;
    }

    private WireResponse list(QBusinessCall call) {
        List<String> filter = call.input().query().getOrDefault("dataSourceIds", List.of());
        Set<String> dataSourceIds = new HashSet<>(filter);
        Page<DocumentDetails> page = documents.list(call.label("applicationId"), call.label("indexId"), dataSourceIds,
                call.input().queryParam("nextToken"), QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("documentDetailList");
        for (DocumentDetails d : page.items()) {
            ObjectNode o = list.addObject().put("documentId", d.documentId()).put("status", d.status().name());
            if (d.errorMessage() != null) {
                o.putObject("error").put("errorCode", "InternalError").put("errorMessage", d.errorMessage());
            }
            JsonResponses.putTimestamp(o, "createdAt", d.createdAt());
            JsonResponses.putTimestamp(o, "updatedAt", d.updatedAt());
        }
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        return JsonResponses.ok(body);
    }

    private WireResponse checkAccess(QBusinessCall call) {
        DocumentAccess.Result r = access.check(call.label("applicationId"), call.label("indexId"),
                call.label("userId"), call.label("documentId"), call.input().queryParam("dataSourceId"));
        String docDs = r.document().dataSourceId();
        ObjectNode body = JsonResponses.object().put("hasAccess", r.hasAccess());
        ArrayNode groups = body.putArray("userGroups");
        for (PrincipalSet.Group g : r.principals().groups()) {
            if (g.dataSourceId() == null || g.dataSourceId().equals(docDs)) {
                groups.addObject().put("name", g.name()).put("type", g.dataSourceId() == null ? "INDEX" : "DATASOURCE");
            }
        }
        ArrayNode aliases = body.putArray("userAliases");
        for (PrincipalSet.Alias a : r.principals().aliases()) {
            if (a.dataSourceId() == null || a.dataSourceId().equals(docDs)) {
                aliases.addObject().put("id", a.userId()).put("type", a.dataSourceId() == null ? "INDEX" : "DATASOURCE");
            }
        }
        AccessControl acl = r.document().acl();
        if (!acl.unrestricted()) {
            ObjectNode documentAcl = body.putObject("documentAcl");
            aclList(documentAcl.putObject("allowlist").put("memberRelation", acl.memberRelation().name()), acl,
                    AccessControl.Access.ALLOW);
            aclList(documentAcl.putObject("denyList").put("memberRelation", "OR"), acl, AccessControl.Access.DENY);
        }
        return JsonResponses.ok(body);
    }

    private static void aclList(ObjectNode membership, AccessControl acl, AccessControl.Access which) {
        ArrayNode conditions = membership.putArray("conditions");
        for (AccessControl.ControlList control : acl.controls()) {
            List<AccessControl.Principal> ps = control.principals().stream().filter(p -> p.access() == which).toList();
            if (ps.isEmpty()) {
                continue;
            }
            ObjectNode c = conditions.addObject()
                    .put("memberRelation", which == AccessControl.Access.DENY ? "OR" : control.memberRelation().name());
            ArrayNode users = c.putArray("users");
            ArrayNode groups = c.putArray("groups");
            for (AccessControl.Principal p : ps) {
                if (p.type() == AccessControl.PrincipalType.USER) {
                    users.addObject().put("id", p.name()).put("type", p.membershipType().name());
                } else {
                    groups.addObject().put("name", p.name()).put("type", p.membershipType().name());
                }
            }
        }
    }
}

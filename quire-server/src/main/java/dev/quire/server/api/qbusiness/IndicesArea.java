package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.index.DocumentAttributeConfiguration;
import dev.quire.core.qbusiness.index.Index;
import dev.quire.core.qbusiness.index.IndexChanges;
import dev.quire.core.qbusiness.index.Indices;
import dev.quire.core.qbusiness.index.NewIndex;
import dev.quire.core.qbusiness.index.TextDocumentStatistics;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Indexes: Create/Get/List/Update/Delete. */
public final class IndicesArea implements QBusinessArea {
    private static final List<String> ATTRIBUTE_TYPES = List.of("STRING", "STRING_LIST", "NUMBER", "DATE");

    private final Indices indices;

    public IndicesArea(Indices indices) {
        this.indices = indices;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("CreateIndex", this::create, "GetIndex", this::get, "ListIndices", this::list,
                "UpdateIndex", this::update, "DeleteIndex", this::delete);
    }

    private WireResponse create(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        NewIndex request = new NewIndex(in.requiredName("displayName"), in.string("description", 0, 1000),
                in.enumValue("type", List.of("ENTERPRISE", "STARTER")), units(in), in.tags("tags"));
        Index index = indices.create(call.label("applicationId"), request, in.string("clientToken", 1, 100));
        ObjectNode body = JsonResponses.object();
        body.put("indexId", index.indexId());
        body.put("indexArn", index.indexArn());
        return JsonResponses.ok(body);
    }

    private static Integer units(ControlPlaneInput in) {
        ControlPlaneInput capacity = in.object("capacityConfiguration");
        return capacity == null ? null : capacity.integer("units");
    }

    private WireResponse get(QBusinessCall call) {
        String applicationId = call.label("applicationId");
        Index index = indices.get(applicationId, call.label("indexId"));
        ObjectNode body = JsonResponses.object();
        summary(body, index);
        body.put("applicationId", index.applicationId());
        body.put("indexArn", index.indexArn());
        body.put("type", index.type());
        ControlPlaneOutput.put(body, "description", index.description());
        body.putObject("capacityConfiguration").put("units", index.units());
        ArrayNode attributes = body.putArray("documentAttributeConfigurations");
        for (DocumentAttributeConfiguration a : index.documentAttributeConfigurations()) {
            ObjectNode node = attributes.addObject();
            ControlPlaneOutput.put(node, "name", a.name());
            ControlPlaneOutput.put(node, "type", a.type());
            ControlPlaneOutput.put(node, "search", a.search());
        }
        TextDocumentStatistics stats = indices.statistics(applicationId, index.indexId());
        body.putObject("indexStatistics").putObject("textDocumentStatistics")
                .put("indexedTextBytes", stats.indexedTextBytes())
                .put("indexedTextDocumentCount", stats.indexedTextDocumentCount());
        return JsonResponses.ok(body);
    }

    private WireResponse list(QBusinessCall call) {
        Page<Index> page = indices.list(call.label("applicationId"), call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("indices");
        page.items().forEach(index -> summary(list.addObject(), index));
        ControlPlaneOutput.putNextToken(body, page.nextToken());
        return JsonResponses.ok(body);
    }

    private static void summary(ObjectNode node, Index index) {
        node.put("displayName", index.displayName());
        node.put("indexId", index.indexId());
        JsonResponses.putTimestamp(node, "createdAt", index.createdAt());
        JsonResponses.putTimestamp(node, "updatedAt", index.updatedAt());
        node.put("status", index.status());
    }

    private WireResponse update(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        List<DocumentAttributeConfiguration> attributes = null;
        if (in.has("documentAttributeConfigurations")) {
            attributes = new ArrayList<>();
            for (ControlPlaneInput a : in.objects("documentAttributeConfigurations", 500)) {
                attributes.add(new DocumentAttributeConfiguration(a.requiredString("name", 1, 30),
                        a.requiredEnum("type", ATTRIBUTE_TYPES), a.enumValue("search", ApplicationsArea.ON_OFF)));
            }
        }
        indices.update(call.label("applicationId"), call.label("indexId"), new IndexChanges(in.name("displayName"),
                in.string("description", 0, 1000), units(in), attributes));
        return ControlPlaneOutput.empty();
    }

    private WireResponse delete(QBusinessCall call) {
        indices.delete(call.label("applicationId"), call.label("indexId"));
        return ControlPlaneOutput.empty();
    }
}

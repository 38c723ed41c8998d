package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.retriever.NewRetriever;
import dev.quire.core.qbusiness.retriever.Retriever;
import dev.quire.core.qbusiness.retriever.RetrieverChanges;
import dev.quire.core.qbusiness.retriever.RetrieverSource;
import dev.quire.core.qbusiness.retriever.Retrievers;
import dev.quire.protocol.JsonCodec;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.store.Page;
import java.util.List;
import java.util.Map;

/** Retrievers: Create/Get/List/Update/Delete. */
public final class RetrieversArea implements QBusinessArea {
    private static final List<String> SOURCES = List.of("nativeIndexConfiguration", "kendraIndexConfiguration");

    private final Retrievers retrievers;

    public RetrieversArea(Retrievers retrievers) {
        this.retrievers = retrievers;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("CreateRetriever", this::create, "GetRetriever", this::get, "ListRetrievers", this::list,
                "UpdateRetriever", this::update, "DeleteRetriever", this::delete);
    }

    private WireResponse create(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        NewRetriever request = new NewRetriever(in.requiredEnum("type", List.of("NATIVE_INDEX", "KENDRA_INDEX")),
                in.requiredName("displayName"), source(in.requiredObject("configuration")),
                in.string("roleArn", 0, 1284), in.tags("tags"));
        Retriever r = retrievers.create(call.label("applicationId"), request, in.string("clientToken", 1, 100));
        ObjectNode body = JsonResponses.object();
        body.put("retrieverId", r.retrieverId());
        body.put("retrieverArn", r.retrieverArn());
        return JsonResponses.ok(body);
    }

    private static RetrieverSource source(ControlPlaneInput configuration) {
        String member = configuration.unionMember("configuration", SOURCES);
        ControlPlaneInput c = configuration.object(member);
        if (member.equals("kendraIndexConfiguration")) {
            return new RetrieverSource(null, null, c.requiredString("indexId", 36, 36));
        }
        JsonNode boosting = c.raw("boostingOverride");
        if (boosting != null && !boosting.isNull() && !boosting.isObject()) {
            throw c.invalid("boostingOverride", "must be an object.");
        }
        return new RetrieverSource(c.requiredString("indexId", 36, 36),
                boosting == null || boosting.isNull() ? null : boosting.toString(), null);
    }

    private WireResponse get(QBusinessCall call) {
        Retriever r = retrievers.get(call.label("applicationId"), call.label("retrieverId"));
        ObjectNode body = JsonResponses.object();
        summary(body, r);
        body.put("retrieverArn", r.retrieverArn());
        ObjectNode configuration = body.putObject("configuration");
        if (r.nativeIndex()) {
            ObjectNode nativeIndex = configuration.putObject("nativeIndexConfiguration").put("indexId", r.indexId());
            if (r.boostingOverrideJson() != null) {
                nativeIndex.set("boostingOverride", parse(r.boostingOverrideJson()));
            }
        } else {
            configuration.putObject("kendraIndexConfiguration").put("indexId", r.kendraIndexId());
        }
        ControlPlaneOutput.put(body, "roleArn", r.roleArn());
        JsonResponses.putTimestamp(body, "createdAt", r.createdAt());
        JsonResponses.putTimestamp(body, "updatedAt", r.updatedAt());
        return JsonResponses.ok(body);
    }

    private static JsonNode parse(String json) {
        try {
            return JsonCodec.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored boostingOverride is unreadable", e);
        }
    }

    private WireResponse list(QBusinessCall call) {
        Page<Retriever> page = retrievers.list(call.label("applicationId"), call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("retrievers");
        page.items().forEach(r -> summary(list.addObject(), r));
        ControlPlaneOutput.putNextToken(body, page.nextToken());
        return JsonResponses.ok(body);
    }

    private static void summary(ObjectNode node, Retriever r) {
        node.put("applicationId", r.applicationId());
        node.put("retrieverId", r.retrieverId());
        node.put("type", r.type());
        node.put("status", r.status());
        node.put("displayName", r.displayName());
    }

    private WireResponse update(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        ControlPlaneInput configuration = in.object("configuration");
        retrievers.update(call.label("applicationId"), call.label("retrieverId"), new RetrieverChanges(
                in.name("displayName"), configuration == null ? null : source(configuration),
                in.string("roleArn", 0, 1284)));
        return ControlPlaneOutput.empty();
    }

    private WireResponse delete(QBusinessCall call) {
        retrievers.delete(call.label("applicationId"), call.label("retrieverId"));
        return ControlPlaneOutput.empty();
    }
}

package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.Applications;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.store.Page;
import java.util.Map;

/** Applications: Create/Get/List/Update/Delete. */
public final class ApplicationsArea implements QBusinessArea {
    private final Applications applications;

    public ApplicationsArea(Applications applications) {
        this.applications = applications;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("ListApplications", this::list);
    }

    private WireResponse list(QBusinessCall call) {
        Page<Application> page = applications.list(call.input().queryParam("nextToken"),
                QueryInput.integer(call, "maxResults"));
        ObjectNode body = JsonResponses.object();
        ArrayNode list = body.putArray("applications");
        for (Application app : page.items()) {
            ObjectNode a = list.addObject();
            a.put("displayName", app.displayName());
            a.put("applicationId", app.applicationId());
            JsonResponses.putTimestamp(a, "createdAt", app.createdAt());
            JsonResponses.putTimestamp(a, "updatedAt", app.updatedAt());
            a.put("status", app.status());
            a.put("identityType", app.identityType());
        }
        if (page.nextToken() != null) {
            body.put("nextToken", page.nextToken());
        }
        return JsonResponses.ok(body);
    }
}

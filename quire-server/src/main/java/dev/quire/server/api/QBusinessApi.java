package dev.quire.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.Application;
import dev.quire.core.qbusiness.Applications;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.ServiceHandler;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.protocol.restjson.RestJsonRequest;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.store.Page;

/** qbusiness (restJson1, 2023-11-27). */
public final class QBusinessApi implements ServiceHandler {
    private final Applications applications;

    public QBusinessApi(Applications applications) {
        this.applications = applications;
    }

    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        RestJsonRequest in = call.input(RestJsonRequest.class);
        return switch (call.operation()) {
            case "ListApplications" -> {
                Page<Application> page = applications.list(in.queryParam("nextToken"), intQuery(in, "maxResults"));
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
                yield JsonResponses.ok(body);
            }
            default -> throw ProtocolFailure.UNKNOWN_OPERATION.exception(AwsService.QBUSINESS.protocol());
        };
    }

    static Integer intQuery(RestJsonRequest in, String name) {
        String v = in.queryParam(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(name, name + " must be an integer.");
        }
    }
}

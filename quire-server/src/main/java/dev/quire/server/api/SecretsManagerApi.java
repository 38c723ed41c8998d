package dev.quire.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.secrets.SecretSummary;
import dev.quire.core.secrets.Secrets;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.awsjson.AwsJsonRequest;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.ServiceHandler;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.store.Page;

/** Secrets Manager (awsJson1.1, 2017-10-17). */
public final class SecretsManagerApi implements ServiceHandler {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private final Secrets secrets;

    public SecretsManagerApi(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        ObjectNode in = call.input(AwsJsonRequest.class).body();
        return switch (call.operation()) {
            case "ListSecrets" -> {
                Page<SecretSummary> page = secrets.list(text(in, "NextToken"), integer(in, "MaxResults"));
                ObjectNode body = JsonResponses.object();
                ArrayNode list = body.putArray("SecretList");
                for (SecretSummary s : page.items()) {
                    ObjectNode o = list.addObject();
                    o.put("ARN", s.arn());
                    o.put("Name", s.name());
                    if (s.description() != null) {
                        o.put("Description", s.description());
                    }
                    JsonResponses.putTimestamp(o, "CreatedDate", s.createdDate());
                    JsonResponses.putTimestamp(o, "LastChangedDate", s.lastChangedDate());
                    JsonResponses.putTimestamp(o, "DeletedDate", s.deletedDate());
                }
                if (page.nextToken() != null) {
                    body.put("NextToken", page.nextToken());
                }
                yield JsonResponses.ok(body, CONTENT_TYPE);
            }
            default -> throw ProtocolFailure.UNKNOWN_OPERATION.exception(AwsService.SECRETS_MANAGER.protocol());
        };
    }

    static String text(ObjectNode in, String field) {
        JsonNode n = in.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ApiError(ErrorCode.SM_INVALID_PARAMETER, field + " must be a string.");
        }
        return n.asText();
    }

    static Integer integer(ObjectNode in, String field) {
        JsonNode n = in.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw new ApiError(ErrorCode.SM_INVALID_PARAMETER, field + " must be an integer.");
        }
        return n.intValue();
    }
}

package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.JsonCodec;
import dev.quire.protocol.WireProtocol;
import dev.quire.protocol.awsjson.AwsJsonRequest;
import dev.quire.protocol.awsquery.QueryRequest;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.QueryString;
import dev.quire.protocol.restjson.RestJsonRequest;
import dev.quire.protocol.restjson.RouteTable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the raw request into an {@link ApiCall} in the service's protocol. Malformed bodies
 * become the protocol's 4xx parse error; unsigned requests get no further than the two STS
 * federation actions, which by design carry no AWS signature.
 */
public final class DecodeStage implements Stage {
    static final Set<String> UNSIGNED_STS_ACTIONS = Set.of("AssumeRoleWithWebIdentity", "AssumeRoleWithSAML");

    private final RouteTable qbusinessRoutes;

    public DecodeStage(RouteTable qbusinessRoutes) {
        this.qbusinessRoutes = qbusinessRoutes;
    }

    @Override
    public WireResponse handle(WireRequest request, Chain chain) {
        Authentication auth = request.attribute(Authentication.class);
        AwsService service = auth.service();
        ApiCall call;
        try {
            call = decode(service, request);
        } catch (IllegalArgumentException e) {
            if (!auth.signed()) {
                throw ProtocolFailure.MISSING_AUTHENTICATION.exception(service.protocol());
            }
            throw ProtocolFailure.MALFORMED_REQUEST.exception(service.protocol(), e.getMessage());
        }
        if (!auth.signed() && !(service == AwsService.STS && UNSIGNED_STS_ACTIONS.contains(call.operation()))) {
            throw ProtocolFailure.MISSING_AUTHENTICATION.exception(service.protocol());
        }
        request.attribute(ApiCall.class, call);
        return chain.proceed(request);
    }

    private ApiCall decode(AwsService service, WireRequest request) {
        WireProtocol protocol = service.protocol();
        return switch (protocol) {
            case AWS_QUERY -> {
                requireMethod(request, "POST", "GET");
                QueryRequest query = QueryRequest.parse(request.rawQuery(), request.body());
                yield new ApiCall(service, query.action(), query);
            }
            case AWS_JSON_1_1 -> {
                requireMethod(request, "POST");
                String op = AwsJsonRequest.operationFromTarget(request.headers().first("x-amz-target"), service.signingName());
                yield new ApiCall(service, op, new AwsJsonRequest(op, JsonCodec.parseObject(request.body())));
            }
            case REST_JSON -> {
                Map<String, List<String>> query = QueryString.parse(request.rawQuery());
                RouteTable.Match match = qbusinessRoutes.find(request.method(), request.rawPath(), query)
                        .orElseThrow(() -> ProtocolFailure.UNKNOWN_OPERATION.exception(protocol,
                                "No qbusiness operation matches " + request.method() + " " + request.rawPath()));
                String op = match.route().operation();
                yield new ApiCall(service, op,
                        new RestJsonRequest(op, match.labels(), query, JsonCodec.parseObject(request.body())));
            }
        };
    }

    private static void requireMethod(WireRequest request, String... allowed) {
        for (String m : allowed) {
            if (m.equals(request.method())) {
                return;
            }
        }
        throw new IllegalArgumentException("method " + request.method() + " is not allowed here");
    }
}

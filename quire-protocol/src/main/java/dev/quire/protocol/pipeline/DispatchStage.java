package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.util.EnumMap;
import java.util.Map;

/** The last stage: hands the call to its service's handler. */
public final class DispatchStage implements Stage {
    private final Map<AwsService, ServiceHandler> handlers;

    public DispatchStage(Map<AwsService, ServiceHandler> handlers) {
        this.handlers = new EnumMap<>(handlers);
    }

    @Override
    public WireResponse handle(WireRequest request, Chain chain) {
        ApiCall call = request.attribute(ApiCall.class);
        ServiceHandler handler = handlers.get(call.service());
        if (handler == null) {
            throw ProtocolFailure.UNKNOWN_OPERATION.exception(call.service().protocol());
        }
        return handler.handle(request, request.attribute(Authentication.class), call);
    }
}

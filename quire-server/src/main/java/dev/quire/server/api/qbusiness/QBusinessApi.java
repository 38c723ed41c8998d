package dev.quire.server.api.qbusiness;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.ApiCall;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.pipeline.RequestId;
import dev.quire.protocol.pipeline.ServiceHandler;
import dev.quire.protocol.restjson.RestJsonRequest;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import dev.quire.spi.identity.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** qbusiness (restJson1, 2023-11-27): dispatches each routed operation to the area that owns it. */
public final class QBusinessApi implements ServiceHandler {
    private final Map<String, QBusinessOperation> operations = new HashMap<>();

    public QBusinessApi(List<QBusinessArea> areas) {
        for (QBusinessArea area : areas) {
            area.operations().forEach((name, op) -> {
                if (operations.putIfAbsent(name, op) != null) {
                    throw new IllegalStateException("two areas implement " + name);
                }
            });
        }
    }

    @Override
    public WireResponse handle(WireRequest request, Authentication auth, ApiCall call) {
        QBusinessOperation op = operations.get(call.operation());
        if (op == null) {
            throw new ApiError(ErrorCode.VALIDATION, call.operation() + " is not supported by Quire yet.",
                    Map.of("reason", "UNKNOWN_OPERATION"));
        }
        return op.handle(new QBusinessCall(request, auth, call.input(RestJsonRequest.class), auth.verified().region(),
                (Caller) auth.principal(), request.attribute(RequestId.class).value()));
    }

    /** Which operations are implemented (for docs and tests). */
    public List<String> implementedOperations() {
        return operations.keySet().stream().sorted().toList();
    }
}

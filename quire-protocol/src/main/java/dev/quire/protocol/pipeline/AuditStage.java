package dev.quire.protocol.pipeline;

import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.WireError;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.time.Clock;
import java.util.function.Function;

/**
 * Writes one audit line per request, after the response is known. It sits outside the error
 * stage so rejected requests (bad signatures, denials) are audited too.
 */
public final class AuditStage implements Stage {
    private final AuditSink sink;
    private final Clock clock;
    private final Function<Object, String> principalName;

    public AuditStage(AuditSink sink, Clock clock, Function<Object, String> principalName) {
        this.sink = sink;
        this.clock = clock;
        this.principalName = principalName;
    }

    @Override
    public WireResponse handle(WireRequest request, Chain chain) {
        long start = System.nanoTime();
        AuditNotes notes = new AuditNotes();
        request.attribute(AuditNotes.class, notes);
        WireResponse response = chain.proceed(request);
        Authentication auth = request.attribute(Authentication.class);
        ApiCall call = request.attribute(ApiCall.class);
        AwsService service = request.attribute(AwsService.class);
        WireError error = request.attribute(WireError.class);
        RequestId id = request.attribute(RequestId.class);
        sink.write(new AuditEvent(clock.instant(), id == null ? null : id.value(), request.remoteAddress(),
                request.method(), request.rawPath(),
                service == null ? null : service.signingName(),
                call == null ? null : call.operation(),
                auth == null || auth.principal() == null ? null : principalName.apply(auth.principal()),
                response.status(), error == null ? null : error.code(),
                (System.nanoTime() - start) / 1000, notes.asMap()));
        return response;
    }
}

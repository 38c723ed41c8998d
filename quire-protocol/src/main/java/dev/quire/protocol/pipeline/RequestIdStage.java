package dev.quire.protocol.pipeline;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.util.UUID;

/** Gives every request an id and every response the {@code x-amzn-RequestId} header. */
public final class RequestIdStage implements Stage {
    @Override
    public WireResponse handle(WireRequest request, Chain chain) {
        RequestId id = new RequestId(UUID.randomUUID().toString());
        request.attribute(RequestId.class, id);
        WireResponse response = chain.proceed(request);
        response.headers().set("x-amzn-RequestId", id.value());
        return response;
    }
}

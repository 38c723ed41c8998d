package dev.quire.protocol.pipeline;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;

/** Runs the authorize hook before any handler sees the call. */
public final class AuthorizationStage implements Stage {
    private final Authorizer authorizer;

    public AuthorizationStage(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public WireResponse handle(WireRequest request, Chain chain) {
        authorizer.authorize(request, request.attribute(Authentication.class), request.attribute(ApiCall.class));
        return chain.proceed(request);
    }
}

package dev.quire.protocol.pipeline;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;

/** Answers the decoded calls of one service. */
@FunctionalInterface
public interface ServiceHandler {
    WireResponse handle(WireRequest request, Authentication authentication, ApiCall call);
}

package dev.quire.protocol.pipeline;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;

/** One step of request handling. It either answers itself or calls {@code chain.proceed} exactly once. */
@FunctionalInterface
public interface Stage {
    WireResponse handle(WireRequest request, Chain chain);
}

package dev.quire.protocol.pipeline;

import dev.quire.protocol.errors.WireError;

/**
 * Maps a failure thrown by code outside the protocol layer (the domain's own error type) to a
 * wire error; returns null for failures it does not know, which then become InternalFailure.
 */
@FunctionalInterface
public interface ErrorTranslator {
    WireError translate(RuntimeException failure);
}

package dev.quire.protocol.pipeline;

import dev.quire.protocol.http.WireRequest;

/**
 * Decides whether the authenticated caller may perform the call. Implementations throw a
 * {@link dev.quire.protocol.errors.WireErrorException} to deny; returning means allowed.
 */
@FunctionalInterface
public interface Authorizer {
    void authorize(WireRequest request, Authentication authentication, ApiCall call);
}

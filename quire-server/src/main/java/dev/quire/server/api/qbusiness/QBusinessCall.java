package dev.quire.server.api.qbusiness;

import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.pipeline.Authentication;
import dev.quire.protocol.restjson.RestJsonRequest;
import dev.quire.spi.identity.Caller;

/**
 * One decoded qbusiness call as an operation handler sees it.
 *
 * @param region the region from the SigV4 credential scope (ARNs are built with it)
 */
public record QBusinessCall(WireRequest request, Authentication auth, RestJsonRequest input, String region,
                            Caller caller, String requestId) {
    public String label(String name) {
        return input.label(name);
    }

    public JsonInput body() {
        return new JsonInput(input.body());
    }
}

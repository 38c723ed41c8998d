package dev.quire.server.api.qbusiness;

import dev.quire.protocol.http.WireResponse;

/** Answers one qbusiness operation. */
@FunctionalInterface
public interface QBusinessOperation {
    WireResponse handle(QBusinessCall call);
}

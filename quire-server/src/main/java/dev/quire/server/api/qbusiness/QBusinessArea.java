package dev.quire.server.api.qbusiness;

import java.util.Map;

/** A group of qbusiness operations (applications, indexes, documents, …) keyed by operation name. */
public interface QBusinessArea {
    Map<String, QBusinessOperation> operations();
}

package dev.quire.protocol.restjson;

import java.util.List;

/**
 * The qbusiness restJson1 route table, as the SDKs send it (API-REFERENCE §2). Operations are
 * added here as Quire implements them; a request matching no route gets UnknownOperation.
 */
public final class QBusinessRoutes {
    private QBusinessRoutes() {
    }

    public static RouteTable table() {
        return new RouteTable(List.of(
                Route.of("GET", "/applications", "ListApplications")));
    }
}

package dev.quire.identity.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny OIDC issuer on 127.0.0.1: serves discovery documents and JWKS by path, counts every request,
 * and can be told to misbehave (errors, redirects, oversized bodies).
 */
final class TestIdp implements AutoCloseable {

    /** What one path answers. {@code chunked} omits Content-Length so only the streaming cap can stop it. */
    record Route(int status, byte[] body, Map<String, String> headers, boolean chunked) {
        static Route json(String body) {
            return new Route(200, body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"), false);
        }
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger totalHits = new AtomicInteger();

    private TestIdp(HttpServer server) {
        this.server = server;
    }

    static TestIdp start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TestIdp idp = new TestIdp(server);
        server.createContext("/", idp::handle);
        server.start();
        return idp;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    String issuer(String realm) {
        return base() + "/realms/" + realm;
    }

    static String discoveryPath(String realm) {
        return "/realms/" + realm + "/.well-known/openid-configuration";
    }

    static String jwksPath(String realm) {
        return "/realms/" + realm + "/protocol/openid-connect/certs";
    }

    /** Serves a realm whose discovery names {@code discoveryIssuer} and points at {@code jwksUri}. */
    void serveRealm(String realm, String discoveryIssuer, String jwksUri, JWKSet keys) {
        route(discoveryPath(realm), Route.json("{\"issuer\":\"" + discoveryIssuer + "\",\"jwks_uri\":\"" + jwksUri + "\"}"));
        setJwks(realm, keys);
    }

    /** The ordinary, honest realm. */
    void serveRealm(String realm, JWKSet keys) {
        serveRealm(realm, issuer(realm), base() + jwksPath(realm), keys);
    }

    void setJwks(String realm, JWKSet keys) {
        route(jwksPath(realm), Route.json(keys.toPublicJWKSet().toString()));
    }

    void route(String path, Route route) {
        routes.put(path, route);
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    int totalHits() {
        return totalHits.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            totalHits.incrementAndGet();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Route route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            route.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            long length = route.chunked() ? 0 : (route.body().length == 0 ? -1 : route.body().length);
            exchange.sendResponseHeaders(route.status(), length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(route.body());
            } catch (IOException clientGaveUp) {
                // The client may cancel an oversized download half-way; that is the behaviour under test.
            }
        }
    }

    private boolean stopped;

    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            server.stop(0);
        }
    }
}

package dev.quire.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * A provider stand-in on 127.0.0.1 (free port): records every request and answers with what the
 * test's responder returns, as one body or as a stream of chunks flushed one by one.
 */
final class LoopbackServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    record Recorded(String method, String path, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A reply: status, content type, and the body as chunks written and flushed in order. */
    record Reply(int status, String contentType, List<byte[]> chunks) {
        static Reply json(String body) {
            return new Reply(200, "application/json", List.of(body.getBytes(StandardCharsets.UTF_8)));
        }

        static Reply sse(List<String> events) {
            return new Reply(200, "text/event-stream",
                    events.stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList());
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final IntConsumer beforeChunk;

    LoopbackServer(Function<Recorded, Reply> responder) throws IOException {
        this(responder, chunk -> { });
    }

    /** @param beforeChunk runs before chunk i is written, e.g. to wait until the client saw earlier ones */
    LoopbackServer(Function<Recorded, Reply> responder, IntConsumer beforeChunk) throws IOException {
        this.beforeChunk = beforeChunk;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> handle(exchange, responder));
        server.start();
    }

    private void handle(HttpExchange exchange, Function<Recorded, Reply> responder) throws IOException {
        try (exchange) {
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Reply reply = responder.apply(request);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.chunks().size() == 1 ? reply.chunks().get(0).length : 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < reply.chunks().size(); i++) {
                beforeChunk.accept(i);
                byte[] chunk = reply.chunks().get(i);
                out.write(chunk);
                out.flush();
            }
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size());
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.quire.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that streams as OpenAI documents it
 * ({@code data: {chat.completion.chunk}} lines, then {@code data: [DONE]}). A question about
 * "falcon" gets a blocked phrase split across chunks; any other question gets its first chunk,
 * then the double waits until {@link #clientReadFirstDelta} is counted down (by a client that
 * read the first delta from Quire) before it sends the rest.
 */
final class StreamingModelDouble implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FIRST = "Business class is allowed for flights longer than six hours [1], ";
    static final String REST = "and receipts are due within thirty days.";
    static final List<String> FALCON = List.of("The budget of Project Fal", "con\n  is", " forty million dollars.");

    final CountDownLatch clientReadFirstDelta = new CountDownLatch(1);
    final AtomicBoolean waitedForTheClient = new AtomicBoolean();
    private final HttpServer server;

    StreamingModelDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            JsonNode messages = request.path("messages");
            String question = messages.get(messages.size() - 1).path("content").asText();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            send(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            if (question.toLowerCase().contains("falcon")) {
                for (String piece : FALCON) {
                    send(out, content(piece));
                }
            } else {
                send(out, content(FIRST));
                try {
                    waitedForTheClient.set(clientReadFirstDelta.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(out, content(REST));
            }
            send(out, chunk("{}", "\"stop\""));
            send(out, "data: [DONE]\n\n");
        }
    }

    private static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String content(String text) {
        return chunk("{\"content\":" + JSON.getNodeFactory().textNode(text) + "}", null);
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"llama3\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finishReason + "}]}\n\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

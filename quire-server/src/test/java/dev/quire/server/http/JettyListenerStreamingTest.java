package dev.quire.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.StreamingBody;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The listener writes a streamed body piece by piece: the client reads the first piece while the
 * body is still waiting for the client, and a body that fails after its headers went out ends
 * with its own failure ending instead of leaving the connection hanging.
 */
class JettyListenerStreamingTest {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private static JettyListener listen(Function<WireRequest, WireResponse> app) {
        JettyListener listener = new JettyListener("127.0.0.1", 0, 1024, app,
                r -> WireResponse.of(413, "text/plain", "too large"));
        listener.start();
        return listener;
    }

    private static WireResponse events(StreamingBody body) {
        return WireResponse.streaming(200, new Headers().set("Content-Type", "text/event-stream"), body);
    }

    @Test
    void theClientReadsTheFirstPieceBeforeTheBodyCanFinish() throws Exception {
        CountDownLatch clientReadFirst = new CountDownLatch(1);
        AtomicBoolean waitedForTheClient = new AtomicBoolean();
        try (JettyListener listener = listen(r -> events(out -> {
            out.write("event: text\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                waitedForTheClient.set(clientReadFirst.await(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("event: done\ndata: last\n\n".getBytes(StandardCharsets.UTF_8));
        }))) {
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + listener.port() + "/")).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-length")).isEmpty();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                assertThat(in.readLine()).isEqualTo("event: text");
                assertThat(in.readLine()).isEqualTo("data: first");
                clientReadFirst.countDown();
                assertThat(in.readLine()).isEmpty();
                assertThat(in.readLine()).isEqualTo("event: done");
                assertThat(in.readLine()).isEqualTo("data: last");
                assertThat(in.readLine()).isEmpty();
                assertThat(in.readLine()).as("the stream ends").isNull();
            }
            assertThat(waitedForTheClient).as("the body was still running when the client read its first piece")
                    .isTrue();
        }
    }

    @Test
    void aFailureAfterTheHeadersEndsTheStreamWithTheBodysEnding() throws Exception {
        StreamingBody failing = new StreamingBody() {
            @Override
            public void writeTo(OutputStream out) throws java.io.IOException {
                out.write("event: text\ndata: partial\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                throw new IllegalStateException("secret internal detail");
            }

            @Override
            public byte[] failureEnding(RuntimeException failure) {
                return "event: error\ndata: failed\n\n".getBytes(StandardCharsets.UTF_8);
            }
        };
        try (JettyListener listener = listen(r -> events(failing))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + listener.port() + "/")).timeout(PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("event: text\ndata: partial\n\nevent: error\ndata: failed\n\n")
                    .doesNotContain("secret");
        }
    }

    @Test
    void wholeBodiesStillCarryTheirLength() throws Exception {
        try (JettyListener listener = listen(r -> WireResponse.of(200, "text/plain", "hello"))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + listener.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("content-length")).contains("5");
            assertThat(r.body()).isEqualTo("hello");
        }
    }
}

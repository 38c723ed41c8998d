package dev.quire.protocol.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A streamed response passes the stages that wrap every response (request id, audit, error
 * rendering) untouched, and its body exists only when the listener writes it.
 */
class StreamingResponseTest {
    private final List<AuditEvent> audit = new ArrayList<>();

    private Pipeline pipeline(Stage last) {
        return new Pipeline(List.of(new RequestIdStage(), new AuditStage(audit::add, Clock.systemUTC(), String::valueOf),
                new ErrorStage(failure -> null), last));
    }

    private static WireRequest request() {
        return new WireRequest("POST", "/stream", null, "localhost", new Headers(), new byte[0], "127.0.0.1");
    }

    @Test
    void aStreamedResponseIsAuditedAndGetsItsRequestIdWithoutItsBodyBeingRead() throws Exception {
        WireResponse response = pipeline((request, chain) -> WireResponse.streaming(200,
                new Headers().set("Content-Type", "text/event-stream"), out -> {
                    out.write("event: text\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                })).handle(request());

        assertThat(response.streaming()).isTrue();
        assertThat(response.headers().first("x-amzn-RequestId")).isNotBlank();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.requestId()).isEqualTo(response.headers().first("x-amzn-RequestId"));
        });
        assertThat(response.bodyLength()).isEqualTo(-1);
        assertThatThrownBy(response::body).isInstanceOf(IllegalStateException.class);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        response.stream().writeTo(written);
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("event: text\n");
    }

    @Test
    void aFailureBeforeStreamingIsStillAnErrorWithAWholeBody() {
        WireResponse response = pipeline((request, chain) -> {
            throw new IllegalStateException("failed before any byte");
        }).handle(request());

        assertThat(response.streaming()).isFalse();
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyLength()).isEqualTo(response.body().length).isPositive();
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(500));
    }
}

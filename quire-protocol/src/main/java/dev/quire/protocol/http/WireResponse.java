package dev.quire.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A response ready to be written by whichever HTTP server carries it: a whole body, or a
 * {@link StreamingBody} written piece by piece after the status and headers.
 */
public final class WireResponse {
    private final int status;
    private final Headers headers;
    private final byte[] body;
    private final StreamingBody stream;

    public WireResponse(int status, Headers headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
        this.stream = null;
    }

    private WireResponse(int status, Headers headers, StreamingBody stream) {
        this.status = status;
        this.headers = headers;
        this.body = null;
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    public static WireResponse of(int status, String contentType, String body) {
        return new WireResponse(status, new Headers().set("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A response whose body is produced while it is sent; it has no length and no {@link #body()}. */
    public static WireResponse streaming(int status, Headers headers, StreamingBody stream) {
        return new WireResponse(status, headers, stream);
    }

    public int status() { return status; }
    public Headers headers() { return headers; }

    public boolean streaming() {
        return stream != null;
    }

    /** The streaming body, or null for a whole one. */
    public StreamingBody stream() {
        return stream;
    }

    /**
     * The whole body. A streamed body does not exist yet when stages see the response, so asking
     * for it is a programming error that fails loudly rather than answering an empty body.
     */
    public byte[] body() {
        if (stream != null) {
            throw new IllegalStateException("a streamed response has no body until the listener writes it");
        }
        return body;
    }

    /** The number of body bytes, or -1 when streamed (unknown until sent). */
    public long bodyLength() {
        return stream != null ? -1 : body.length;
    }

    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }
}

package dev.quire.protocol.http;

import java.nio.charset.StandardCharsets;

/** A response ready to be written by whichever HTTP server carries it. */
public final class WireResponse {
    private final int status;
    private final Headers headers;
    private final byte[] body;

    public WireResponse(int status, Headers headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    public static WireResponse of(int status, String contentType, String body) {
        return new WireResponse(status, new Headers().set("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    public int status() { return status; }
    public Headers headers() { return headers; }
    public byte[] body() { return body; }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

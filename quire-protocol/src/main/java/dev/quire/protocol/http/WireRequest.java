package dev.quire.protocol.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request exactly as it arrived, independent of the HTTP server library: the raw
 * (still percent-encoded) path and query, because SigV4 signs them as sent.
 */
public final class WireRequest {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final String authority;
    private final Headers headers;
    private final byte[] body;
    private final String remoteAddress;
    private final Map<Class<?>, Object> attributes = new HashMap<>();

    /**
     * @param rawQuery  the query string without '?', or null when the request had none
     * @param authority the Host header or the HTTP/2 :authority pseudo-header
     */
    public WireRequest(String method, String rawPath, String rawQuery, String authority,
                       Headers headers, byte[] body, String remoteAddress) {
        this.method = Objects.requireNonNull(method, "method");
        this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
        this.rawQuery = rawQuery;
        this.authority = authority;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? new byte[0] : body;
        this.remoteAddress = remoteAddress;
    }

    public String method() { return method; }
    public String rawPath() { return rawPath; }
    public String rawQuery() { return rawQuery; }
    public String authority() { return authority; }
    public Headers headers() { return headers; }
    public byte[] body() { return body; }
    public String remoteAddress() { return remoteAddress; }

    /** Typed per-request values set by pipeline stages (request id, caller identity, ...). */
    public <T> void attribute(Class<T> type, T value) {
        attributes.put(type, value);
    }

    public <T> T attribute(Class<T> type) {
        return type.cast(attributes.get(type));
    }
}

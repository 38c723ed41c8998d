package dev.quire.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.StreamingBody;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small HTTP helpers for the hosted web experience: cookies, forms, JSON and safe default headers. */
final class WebHttp {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WebHttp() {
    }

    /** The headers every web-experience response carries: no framing, no sniffing, no referrer, no caching. */
    static WireResponse response(int status, String contentType, byte[] body) {
        return new WireResponse(status, headers(contentType), body);
    }

    /** A body written while it is produced (Server-Sent Events), with the same headers. */
    static WireResponse streaming(int status, String contentType, StreamingBody body) {
        Headers h = headers(contentType);
        h.set("X-Accel-Buffering", "no"); // a reverse proxy in front must pass events on at once
        return WireResponse.streaming(status, h, body);
    }

    private static Headers headers(String contentType) {
        Headers h = new Headers();
        h.set("Content-Type", contentType);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
                + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        return h;
    }

    static WireResponse text(int status, String message) {
        return response(status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    static WireResponse json(int status, Object value) {
        try {
            return response(status, "application/json", JSON.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static WireResponse error(int status, String code, String message) {
        return json(status, Map.of("error", code, "message", message));
    }

    static WireResponse redirect(String location) {
        WireResponse r = response(302, "text/plain; charset=utf-8", new byte[0]);
        r.headers().set("Location", location);
        return r;
    }

    /** The value of one cookie, or null. */
    static String cookie(WireRequest request, String name) {
        for (String header : request.headers().all("cookie")) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return part.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    /** HttpOnly, SameSite=Lax, scoped to the web experience's path; Secure when served over https. */
    static String setCookie(String name, String value, String path, boolean secure, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
                + "; Max-Age=" + Math.max(0, maxAgeSeconds);
    }

    /**
     * For a cookie that must come back on the IdP's cross-site POST to the ACS: over https
     * {@code SameSite=None; Secure}, since a Lax cookie is not sent on a cross-site POST. Over plain
     * http browsers refuse {@code SameSite=None} without {@code Secure}, so it stays Lax: it then comes
     * back only from an IdP on the same site (same scheme and host, any port), as in local setups.
     */
    static String setCrossSiteCookie(String name, String value, String path, boolean secure, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=" + (secure ? "None; Secure" : "Lax")
                + "; Max-Age=" + Math.max(0, maxAgeSeconds);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    static String formEncode(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }
}

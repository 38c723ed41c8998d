package dev.quire.devidp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One request and its response, with the parsing and the security headers every endpoint needs. */
final class Exchange {
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpExchange http;
    private Map<String, String> form;

    Exchange(HttpExchange http) {
        this.http = http;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getRawPath();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    Map<String, String> query() {
        return parseParameters(http.getRequestURI().getRawQuery());
    }

    /** The urlencoded body, read once, at most {@link #MAX_BODY_BYTES}. */
    Map<String, String> form() throws IOException {
        if (form == null) {
            String type = header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw HttpError.badRequest("the body must be application/x-www-form-urlencoded");
            }
            InputStream in = http.getRequestBody();
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new HttpError(413, "invalid_request", "request body too large");
            }
            form = parseParameters(new String(body, StandardCharsets.UTF_8));
        }
        return form;
    }

    /** Query and form parameters; OAuth forbids repeating one (RFC 6749 §3.1), so a repeat is an error. */
    static Map<String, String> parseParameters(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (out.put(name, value) != null) {
                    throw HttpError.badRequest("parameter " + name + " is repeated");
                }
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("malformed percent-encoding");
            }
        }
        return out;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String cookie(String name) {
        for (String header : http.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    String value = part.substring(eq + 1).trim();
                    // RFC 2965 clients (java.net.CookieManager among them) quote the value.
                    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value;
                }
            }
        }
        return null;
    }

    /** HttpOnly and SameSite=Lax always; not Secure, as the dev IdP speaks plain http on loopback. */
    void setCookie(String name, String value, String path, long maxAgeSeconds) {
        http.getResponseHeaders().add("Set-Cookie", name + "=" + value + "; Path=" + path
                + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax");
    }

    void header(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    void sendJson(int status, String json) throws IOException {
        send(status, "application/json", json);
    }

    void sendXml(int status, String xml) throws IOException {
        send(status, "application/samlmetadata+xml; charset=utf-8", xml);
    }

    void sendHtml(int status, String html, String scriptNonce) throws IOException {
        header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"
                + (scriptNonce == null ? "" : "; script-src 'nonce-" + scriptNonce + "'"));
        header("X-Frame-Options", "DENY");
        send(status, "text/html; charset=utf-8", html);
    }

    void redirect(String location) throws IOException {
        header("Location", location);
        header("Cache-Control", "no-store");
        header("Referrer-Policy", "no-referrer");
        header("X-Development-IdP", "not-for-production");
        http.sendResponseHeaders(302, -1);
        http.close();
    }

    private void send(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        header("Content-Type", contentType);
        header("Cache-Control", "no-store");
        header("Pragma", "no-cache");
        header("X-Content-Type-Options", "nosniff");
        header("Referrer-Policy", "no-referrer");
        header("X-Development-IdP", "not-for-production");
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            http.getResponseBody().write(bytes);
        }
        http.close();
    }
}

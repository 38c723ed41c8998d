package dev.quire.examples;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The little HTTP the two login apps need, on the JDK's com.sun.net.httpserver. */
final class Web {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_FORM_BYTES = 1 << 20;

    private Web() {
    }

    /** 256 bits from SecureRandom, base64url without padding: state, nonce, session ids, PKCE verifiers. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String formEncode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(urlEncode(k)).append('=')
                .append(urlEncode(v)));
        return out.toString();
    }

    /** Decoded name/value pairs of a query string or form body; the first of a repeated name wins. */
    static Map<String, String> parseForm(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    static Map<String, String> query(HttpExchange exchange) {
        return parseForm(exchange.getRequestURI().getRawQuery());
    }

    /** The url-encoded body of a POST, refused beyond 1 MiB. */
    static Map<String, String> formBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new IOException("form body larger than " + MAX_FORM_BYTES + " bytes");
            }
            return parseForm(new String(body, StandardCharsets.US_ASCII));
        }
    }

    static Optional<String> cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    return Optional.of(part.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** A session cookie the page's scripts cannot read and other sites' forms cannot send along. */
    static void setSessionCookie(HttpExchange exchange, String name, String value) {
        exchange.getResponseHeaders().add("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax");
    }

    static void clearCookie(HttpExchange exchange, String name) {
        exchange.getResponseHeaders().add("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** An HTML page; {@code body} must already be escaped where it holds outside text. */
    static void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>pre { white-space: pre-wrap;"
                + " word-wrap: break-word; }</style></head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // credentials are on these pages: never cache them, never frame them
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange exchange, int status, String title, String detail) throws IOException {
        html(exchange, status, "<h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p><a href=\"/\">Start over</a>");
    }

    /** The credentials section both apps show, with the export lines for simple_aq / SimpleChat. */
    static String credentialsSection(String heading, software.amazon.awssdk.services.sts.model.Credentials c,
                                     String assumedRoleArn) {
        return "<h2>" + escape(heading) + "</h2><pre>\n"
                + "AssumedRoleUser: " + escape(assumedRoleArn) + "\n"
                + "AccessKeyId: " + escape(c.accessKeyId()) + "\n"
                + "SecretAccessKey: " + escape(c.secretAccessKey()) + "\n"
                + "SessionToken: " + escape(c.sessionToken()) + "\n"
                + "Expiration: " + c.expiration() + "\n\n"
                + "export AWS_ACCESS_KEY_ID=" + escape(c.accessKeyId()) + "\n"
                + "export AWS_SECRET_ACCESS_KEY=" + escape(c.secretAccessKey()) + "\n"
                + "export AWS_SESSION_TOKEN=" + escape(c.sessionToken()) + "\n</pre>";
    }
}

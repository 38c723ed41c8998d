package dev.quire.protocol.sigv4;

import dev.quire.protocol.http.WireRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SigV4 canonical request, built from the request exactly as it came off the wire. Shared by
 * the verifier and the signer so both canonicalize the same way.
 */
final class CanonicalRequest {
    static final String HOST = "host";
    static final String AUTHORITY = ":authority";
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private CanonicalRequest() {}

    /**
     * @param excludedQueryParam a decoded parameter name left out of the canonical query (the
     *                           presigned X-Amz-Signature), or null
     * @return the canonical request, or null when a signed header is absent from the request
     */
    static String build(WireRequest request, List<String> signedHeaders, String payloadHash,
                        String excludedQueryParam) {
        StringBuilder out = new StringBuilder(512);
        out.append(request.method()).append('\n');
        out.append(canonicalUri(request.rawPath())).append('\n');
        out.append(canonicalQuery(request.rawQuery(), excludedQueryParam)).append('\n');
        for (String name : signedHeaders) {
            String value = canonicalHeaderValue(request, name);
            if (value == null) {
                return null;
            }
            out.append(name).append(':').append(value).append('\n');
        }
        out.append('\n').append(String.join(";", signedHeaders)).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return SigV4Constants.ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + SigV4Crypto.sha256Hex(canonicalRequest);
    }

    /**
     * The raw path encoded once more, '/' kept as the separator (AWS double-encodes for every
     * service but S3). Never decoded or normalized first: the client signed what it sent.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        for (byte b : rawPath.getBytes(StandardCharsets.UTF_8)) {
            if (b == '/') {
                out.append('/');
            } else {
                appendEncoded(out, b);
            }
        }
        return out.toString();
    }

    /** Parameters percent-decoded then RFC 3986-encoded, a bare key as {@code key=}, sorted by name then value. */
    static String canonicalQuery(String rawQuery, String excludedParam) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            byte[] name = percentDecode(eq < 0 ? part : part.substring(0, eq));
            if (excludedParam != null && new String(name, StandardCharsets.UTF_8).equals(excludedParam)) {
                continue;
            }
            byte[] value = eq < 0 ? new byte[0] : percentDecode(part.substring(eq + 1));
            pairs.add(new String[] {encode(name), encode(value)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /**
     * Values trimmed, inner runs of spaces collapsed, repeated headers joined with ','. host and
     * :authority fall back to the request authority: HTTP/2 carries only :authority, yet the Java
     * SDK signs host and the JS SDK signs :authority.
     *
     * @return null when the request has no such header
     */
    static String canonicalHeaderValue(WireRequest request, String name) {
        List<String> values = request.headers().all(name);
        if (values.isEmpty()) {
            boolean authorityHeader = HOST.equals(name) || AUTHORITY.equals(name);
            return authorityHeader && request.authority() != null ? trimAll(request.authority()) : null;
        }
        if (values.size() == 1) {
            return trimAll(values.get(0));
        }
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(trimAll(value));
        }
        return out.toString();
    }

    static String trimAll(String value) {
        String trimmed = value.strip();
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean space = c == ' ' || c == '\t';
            if (!space || !lastWasSpace) {
                out.append(space ? ' ' : c);
            }
            lastWasSpace = space;
        }
        return out.toString();
    }

    /** Percent-encodes every byte but the RFC 3986 unreserved set. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            appendEncoded(out, b);
        }
        return out.toString();
    }

    /** %XX sequences become bytes, other characters their UTF-8 bytes; a stray '%' stays literal. */
    static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hexValue(text.charAt(i + 1)) >= 0
                    && hexValue(text.charAt(i + 2)) >= 0) {
                out.write(hexValue(text.charAt(i + 1)) * 16 + hexValue(text.charAt(i + 2)));
                i += 3;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                byte[] utf8 = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i = end;
            }
        }
        return out.toByteArray();
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void appendEncoded(StringBuilder out, byte b) {
        boolean unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == '~';
        if (unreserved) {
            out.append((char) b);
        } else {
            out.append('%').append(HEX_UPPER[(b >> 4) & 0xF]).append(HEX_UPPER[b & 0xF]);
        }
    }
}

package dev.quire.protocol.sigv4;

import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A fixed clock, a key store to look secrets up in, and helpers to alter requests after signing. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SESSION_AKID = "ASIAEXAMPLE";
    static final String SESSION_SECRET = "sessionSecretEXAMPLEKEY0123456789abcdefg";
    static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLE/token+with=chars";

    private Fixtures() {}

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Knows the long-term SDK example key and, with its token, one session key. */
    static final class KeyStore implements SecretLookup {
        final Map<String, SigningCredential> credentials = new HashMap<>();

        KeyStore() {
            put(null, new SigningCredential(SdkSigning.AKID, SdkSigning.SECRET, null, "long-term-user"));
            put(SESSION_TOKEN, new SigningCredential(SESSION_AKID, SESSION_SECRET, NOW.plusSeconds(3600), "session-user"));
        }

        KeyStore put(String token, SigningCredential credential) {
            credentials.put(credential.accessKeyId() + "|" + token, credential);
            return this;
        }

        @Override
        public Optional<SigningCredential> find(String accessKeyId, String sessionToken) {
            return Optional.ofNullable(credentials.get(accessKeyId + "|" + sessionToken));
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static WireRequest wire(String method, String rawPath, String rawQuery, Headers headers, String body) {
        return new WireRequest(method, rawPath, rawQuery, "127.0.0.1:8443", headers, body == null ? null : utf8(body),
                "127.0.0.1");
    }

    static WireRequest withBody(WireRequest r, byte[] body) {
        return new WireRequest(r.method(), r.rawPath(), r.rawQuery(), r.authority(), r.headers(), body, r.remoteAddress());
    }

    static WireRequest withQuery(WireRequest r, String rawQuery) {
        return new WireRequest(r.method(), r.rawPath(), rawQuery, r.authority(), r.headers(), r.body(), r.remoteAddress());
    }

    /** A copy whose headers are replaced, then {@code name} set to {@code value} (null removes it). */
    static WireRequest withHeader(WireRequest r, String name, String value) {
        Headers headers = new Headers();
        for (String existing : r.headers().names()) {
            if (!existing.equalsIgnoreCase(name)) {
                r.headers().all(existing).forEach(v -> headers.add(existing, v));
            }
        }
        if (value != null) {
            headers.add(name, value);
        }
        return new WireRequest(r.method(), r.rawPath(), r.rawQuery(), r.authority(), headers, r.body(), r.remoteAddress());
    }

    /** The request as HTTP/2 delivers it: no host header, only the authority. */
    static WireRequest withoutHostHeader(WireRequest r) {
        return withHeader(r, "host", null);
    }
}

package dev.quire.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Reads the parts of a compact JWS for test assertions. It does NOT verify the signature:
 * verification is the code under test, never the test kit.
 */
public final class JwtClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtClaims() {
    }

    /** The payload (claims) of {@code jwt} as a JSON tree. */
    public static JsonNode decodeJwtClaims(String jwt) {
        return decodePart(jwt, 1);
    }

    /** The protected header of {@code jwt} (alg, kid, typ) as a JSON tree. */
    public static JsonNode decodeJwtHeader(String jwt) {
        return decodePart(jwt, 0);
    }

    private static JsonNode decodePart(String jwt, int index) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[index]));
        } catch (IOException e) {
            throw new UncheckedIOException("JWT part " + index + " is not JSON", e);
        }
    }
}

package dev.quire.devidp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable tokens and comparisons whose time does not depend on where two secrets differ. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Compares SHA-256 digests with {@link MessageDigest#isEqual}, so neither the position of the
     * first difference nor the length of the expected secret shows in the timing. Null never matches.
     */
    static boolean constantTimeEquals(String given, String expected) {
        byte[] a = sha256(given == null ? "" : given);
        byte[] b = sha256(expected == null ? "" : expected);
        return MessageDigest.isEqual(a, b) && given != null && expected != null;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PKCE S256 transform (RFC 7636 §4.2). */
    static String s256(String verifier) {
        // Verifiers are ASCII (checked by the caller), so UTF-8 and ASCII bytes are the same.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }
}
